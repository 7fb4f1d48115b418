export const id = 447;
export const ids = [447];
export const modules = {

/***/ 447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createLocalRouter: () => (/* binding */ createLocalRouter)
/* harmony export */ });
/* harmony import */ var _spawn_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9747);

/** Builds the local router: finds the environment's proxy daemon, or starts one on `settings.listen` (default 127.0.0.1:8080). */
const createLocalRouter = async (context) => {
    const { frontDoor, admin } = await (0,_spawn_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureLocalProxy */ .C$)(context);
    const router = {
        name: 'local',
        frontDoor,
        setWeights: (stable, canary, canaryWeight) => admin.setWeights(stable, canary, canaryWeight),
        reassert: (stable) => admin.setWeights(stable, undefined, 0),
        readTraffic: () => admin.takeTraffic(),
        close: () => admin.close(),
    };
    return router;
};


/***/ })

};
