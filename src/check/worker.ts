/**
 * A worker thread of the history audit: receives batches of commit ids, reads
 * each batch with one `git log -p` (and one cat-file batch), runs the rules, and
 * posts the compact results back. Parsers are loaded once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Git } from '../git';
import { CheckConfig } from './config';
import { Depth, FromWorker, ParserCache, ToWorker, checkBatch } from './run';

const { cwd, config, depth } = workerData as { cwd: string; config: CheckConfig; depth: Depth };
const git = new Git(cwd);
const parsers = new ParserCache();
const port = parentPort!;

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') {
    port.close();
    return;
  }
  checkBatch(git, message.shas, config, depth, parsers).then(
    (results) => port.postMessage({ type: 'result', id: message.id, results } satisfies FromWorker),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), exitCode: (error as { exitCode?: number }).exitCode } satisfies FromWorker),
  );
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
