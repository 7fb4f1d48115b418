export const id = 7430;
export const ids = [7430];
export const modules = {

/***/ 47430:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultBranch: () => (/* binding */ defaultBranch),
  initCommand: () => (/* binding */ initCommand),
  pickTemplate: () => (/* binding */ pickTemplate)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
;// CONCATENATED MODULE: ./packages/cli/src/templates.generated.ts
// Generated from workflows-templates/ by scripts/gen-docs.ts (npm run docs): do not edit.
/** Each starter template's workflow, by name. */
const TEMPLATES = {
    "go-service": "# Go service: test, scan, build and deploy a canary on every push to the default branch.\n# The deploy runs on a self-hosted runner on the target host (label it `web-1`), behind the\n# embedded local proxy on port 8080; put your own health URL in health-url.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  release:\n    name: Build and deploy\n    uses: slipway/slipway/.github/workflows/slipway-release.yml@176c9bcba605124d10d2aa7883680182e0b2eed9 # slipway\n    permissions:\n      contents: read\n      actions: read # download the build by id\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      deploy-runs-on: '[\"self-hosted\", \"web-1\"]'\n      health-url: http://127.0.0.1:8080/healthz\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n",
    "kubernetes-service": "# Kubernetes service: test and scan every push, then deploy the image built for the commit as a\n# canary Deployment beside yours (no controller in the cluster). Build and push the image in the\n# image job with your registry's tooling; KUBECONFIG comes from the SLIPWAY_KUBECONFIG secret.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  ci:\n    name: Test and scan\n    uses: slipway/slipway/.github/workflows/slipway-ci.yml@79414eac2dba2b3bc6dc48bacefc134eb88c4da1 # slipway\n    permissions:\n      contents: read\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n  deploy:\n    name: Deploy the canary\n    needs: ci\n    uses: slipway/slipway/.github/workflows/slipway-deploy.yml@79414eac2dba2b3bc6dc48bacefc134eb88c4da1 # slipway\n    permissions:\n      contents: read\n      actions: read\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      runs-on: '\"ubuntu-latest\"'\n      provider: kubernetes\n      image: ghcr.io/${{ github.repository }}:${{ github.sha }}\n      namespace: production\n      deployment: web\n      router: gateway-api\n      route: web\n      canary-url: https://canary.internal.example.com\n      health-url: https://app.example.com/healthz\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n",
    "node-service": "# Node.js service: test, scan, build and deploy a canary on every push to the default branch.\n# The deploy runs on a self-hosted runner on the target host (label it `web-1`), behind the\n# embedded local proxy on port 8080; put your own health URL in health-url.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  release:\n    name: Build and deploy\n    uses: slipway/slipway/.github/workflows/slipway-release.yml@176c9bcba605124d10d2aa7883680182e0b2eed9 # slipway\n    permissions:\n      contents: read\n      actions: read # download the build by id\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      deploy-runs-on: '[\"self-hosted\", \"web-1\"]'\n      health-url: http://127.0.0.1:8080/healthz\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n",
    "python-service": "# Python service: test, scan, build and deploy a canary on every push to the default branch.\n# The deploy runs on a self-hosted runner on the target host (label it `web-1`), behind the\n# embedded local proxy on port 8080; put your own health URL in health-url.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  release:\n    name: Build and deploy\n    uses: slipway/slipway/.github/workflows/slipway-release.yml@176c9bcba605124d10d2aa7883680182e0b2eed9 # slipway\n    permissions:\n      contents: read\n      actions: read # download the build by id\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      deploy-runs-on: '[\"self-hosted\", \"web-1\"]'\n      health-url: http://127.0.0.1:8080/healthz\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n",
    "self-hosted-local": "# The self-hosted runner is the server: slipway's embedded proxy in front, nothing else to install.\n# The proxy listens on 127.0.0.1:8080 (deploy-canary's listen input); point your load balancer or\n# reverse proxy at it.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  release:\n    name: Build and deploy\n    uses: slipway/slipway/.github/workflows/slipway-release.yml@176c9bcba605124d10d2aa7883680182e0b2eed9 # slipway\n    permissions:\n      contents: read\n      actions: read # download the build by id\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      deploy-runs-on: '\"self-hosted\"'\n      health-url: http://127.0.0.1:8080/healthz\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n",
    "static-site": "# Static site: build it and serve the output as a canary on every push to the default branch.\n# The built folder is served by a small static server on the port slipway gives it; the health\n# path is the site's index.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  release:\n    name: Build and deploy\n    uses: slipway/slipway/.github/workflows/slipway-release.yml@176c9bcba605124d10d2aa7883680182e0b2eed9 # slipway\n    permissions:\n      contents: read\n      actions: read # download the build by id\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      deploy-runs-on: '[\"self-hosted\", \"web-1\"]'\n      start-command: npx --yes serve@14.2.4 --listen tcp://127.0.0.1:$PORT .\n      health-path: /\n      health-url: http://127.0.0.1:8080/\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n",
    "vps-haproxy": "# A VPS behind HAProxy, reached over SSH from a GitHub-hosted runner.\n# HAProxy declares the stable and canary servers once (see the deploy-canary README); store the\n# deploy key in the SLIPWAY_SSH_KEY secret and the host's known_hosts line in the SLIPWAY_KNOWN_HOSTS variable.\nname: Release\non:\n  push:\n    branches: [$default-branch]\npermissions:\n  contents: read\nconcurrency:\n  group: release-${{ github.ref }}\n  cancel-in-progress: false\njobs:\n  release:\n    name: Build and deploy\n    uses: slipway/slipway/.github/workflows/slipway-release.yml@176c9bcba605124d10d2aa7883680182e0b2eed9 # slipway\n    permissions:\n      contents: read\n      actions: read # download the build by id\n      security-events: write # the scan's SARIF goes to code scanning\n      id-token: write # actions/attest signs the build's provenance and SBOM\n      attestations: write\n      deployments: write # the rollout shows on the repository's Environments page\n    with:\n      environment: production\n      deploy-runs-on: '\"ubuntu-latest\"'\n      provider: haproxy\n      host: deploy@vps.example.com\n      known-hosts: ${{ vars.SLIPWAY_KNOWN_HOSTS }}\n      haproxy-socket: /run/haproxy/admin.sock\n      haproxy-backend: app\n      front-door-url: https://app.example.com\n      health-url: https://app.example.com/healthz\n    secrets:\n      notify-webhook: ${{ secrets.SLIPWAY_NOTIFY_WEBHOOK }}\n      ssh-key: ${{ secrets.SLIPWAY_SSH_KEY }}\n",
};

;// CONCATENATED MODULE: ./packages/cli/src/init-command.ts
// `slipway init`: writes the starter workflow that fits the repository into .github/workflows/.
// detect-stack reads the repository; its primary project picks the template (a Node.js, Python or
// Go service, a static site, or the self-hosted local one); the template already names the commit
// of slipway's reusable workflows it calls, and releases from the repository's default branch (the
// template's $default-branch is filled in). An existing workflow is never overwritten without --force.





const metadata = {
    name: 'init',
    description: "Writes the starter workflow that fits this repository (detect-stack picks it) into .github/workflows/, calling slipway's reusable workflows.",
    inputs: {
        path: { description: 'The repository (its root folder).', default: '.' },
        template: {
            description: `A template by name instead of the one detect-stack picks: ${Object.keys(TEMPLATES).join(', ')}.`,
        },
        name: { description: 'The workflow file, .github/workflows/<name>.yml.', default: 'release' },
        branch: {
            description: "The branch whose pushes release, in place of the template's $default-branch (which only GitHub's New workflow page fills in); empty: the repository's default branch (origin's HEAD, else the current branch, else main).",
        },
        force: { description: 'Overwrite a workflow of that name.', default: 'false' },
    },
    outputs: {
        template: { description: 'The template written.' },
        workflow: { description: 'The workflow file, relative to the repository.' },
        branch: { description: 'The branch the workflow releases from.' },
    },
};
/** The repository's default branch: origin's HEAD, else the branch checked out, else main. */
function defaultBranch(root) {
    const git = (...args) => {
        try {
            return (0,external_node_child_process_.execFileSync)('git', ['-C', root, ...args], {
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
            }).trim();
        }
        catch {
            return '';
        }
    };
    const origin = git('symbolic-ref', '--short', 'refs/remotes/origin/HEAD').replace(/^origin\//, '');
    return origin || git('symbolic-ref', '--short', 'HEAD') || 'main';
}
/** Frameworks whose build is a folder of files to serve. */
const STATIC_FRAMEWORKS = new Set([
    'astro',
    'docusaurus',
    'eleventy',
    'gatsby',
    'gridsome',
    'hexo',
    'hugo',
    'jekyll',
    'mkdocs',
    'vitepress',
    'vuepress',
]);
/** The template for a repository's primary project; undefined when it has none. */
function pickTemplate(stack) {
    const p = stack.projects.find((x) => x.path === stack.primary) ?? stack.projects[0];
    if (!p)
        return undefined;
    if (p.runtime.name === 'static' || p.frameworks.some((f) => STATIC_FRAMEWORKS.has(f.name.toLowerCase())))
        return 'static-site';
    if (p.runtime.name === 'node')
        return 'node-service';
    if (p.runtime.name === 'python')
        return 'python-service';
    if (p.runtime.name === 'go')
        return 'go-service';
    return 'self-hosted-local';
}
const initCommand = {
    metadata,
    async run({ env, logger, setOutput }) {
        const inputs = new lite/* InputReader */.i_(metadata, env);
        const root = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd(), inputs.raw('path'));
        const name = inputs.raw('name');
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))
            throw new lite/* UserError */.yo(`'${name.slice(0, 80)}' is not a workflow file name.`, { input: 'name' }, 'Use letters, digits, dots, dashes and underscores, such as release.');
        const force = inputs.boolean('force');
        let template = inputs.raw('template');
        if (template && !(template in TEMPLATES))
            throw new lite/* UserError */.yo(`'${template.slice(0, 80)}' is not a template.`, { input: 'template' }, `Use one of: ${Object.keys(TEMPLATES).join(', ')}.`);
        if (!template) {
            if (!(0,external_node_fs_.existsSync)(root))
                throw new lite/* UserError */.yo(`${root} does not exist.`, { input: 'path' }, 'Run slipway init in your repository, or name it with --path.');
            const { detectStack } = await Promise.all(/* import() */[__webpack_require__.e(7934), __webpack_require__.e(4006), __webpack_require__.e(3292), __webpack_require__.e(5940)]).then(__webpack_require__.bind(__webpack_require__, 45940));
            const picked = pickTemplate(await detectStack({ root, logger }));
            if (!picked)
                throw new lite/* UserError */.yo(`detect-stack found no project in ${root}.`, { input: 'path' }, `Name a template with --template (${Object.keys(TEMPLATES).join(', ')}).`);
            template = picked;
        }
        const relativePath = (0,external_node_path_.join)('.github', 'workflows', `${name}.yml`);
        const target = (0,external_node_path_.join)(root, relativePath);
        if ((0,external_node_fs_.existsSync)(target) && !force)
            throw new lite/* UserError */.yo(`${relativePath} exists already.`, { input: 'force' }, 'Choose another --name, or pass --force to overwrite it.');
        let branch = inputs.raw('branch').trim();
        if (branch && !/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/.test(branch))
            throw new lite/* UserError */.yo(`'${branch.slice(0, 80)}' is not a branch name.`, { input: 'branch' }, 'Name a branch, such as main.');
        if (!branch)
            branch = defaultBranch(root);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
        await (0,lite/* writeFileAtomic */.Zf)(target, TEMPLATES[template].replaceAll('$default-branch', branch));
        setOutput('template', template);
        setOutput('branch', branch);
        setOutput('workflow', relativePath);
        logger.info(`init: wrote ${relativePath} from the ${template} template; change the values its comments point out, then commit it`);
    },
};


/***/ })

};
