// `npm start`: install what is missing, build, and serve the production build on
// http://localhost:4173 with the sample pipeline loaded.
import { ensureNodeModules, root, run } from './ensure.mjs';
import { spawn } from 'node:child_process';

ensureNodeModules();
run('npm run build');
console.log('\nPipeline Studio is running at http://localhost:4173/  (Ctrl+C to stop)\n');
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', '4173', '--strictPort'], { cwd: root, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
