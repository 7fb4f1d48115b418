// What the tests start as the local proxy daemon: the daemon from source, run by `node --import tsx`.
import { maybeRunDaemon } from '../src/providers/local/daemon.js';

await maybeRunDaemon();
