/**
 * Loaded first (`--import`) into a build process: when the process that started it is gone,
 * killed even, the build stops too, instead of writing on into a staging folder that the next
 * run removes. A parent that dies leaves its child to another (init), so a parent pid other than
 * the one the parent gave (BUILD_PARENT_PID) says it, also when it died before this module ran.
 * The check runs in a thread of its own because a build keeps its main thread busy for seconds
 * at a time (a timer there fired twice in a 7 s build); the thread is unref'd, so it keeps
 * nothing alive once the build is done.
 */
import { Worker } from 'node:worker_threads';

const parent = Number(process.env.BUILD_PARENT_PID);
if (parent > 0) {
  if (process.ppid !== parent) process.exit(1);
  new Worker(`setInterval(() => { if (process.ppid !== ${parent}) process.kill(${process.pid}, 'SIGKILL'); }, 100);`, { eval: true }).unref();
}
