import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { EleventyRunner } from './build-site.ts';

const childScript = resolve(import.meta.dirname, 'warm-eleventy-child.ts');

interface Reply {
  id: number;
  code: number;
  stderr: string;
}

/**
 * One Eleventy process kept alive between builds, for `npm start`: a rebuild after a drop-in
 * then skips starting Node, loading Eleventy and compiling our TypeScript, which is most of a
 * small site's build. Each build still gets a new Eleventy instance, so no template or data of
 * one build survives into the next. A process that dies is started again on the next build.
 */
export class WarmEleventy {
  private child: ChildProcess | null = null;
  private contentDir: string | null = null;
  private cwd: string | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { done: (reply: Reply) => void; fail: (error: Error) => void }>();

  readonly run: EleventyRunner = ({ cwd, output, contentDir, previous }) => {
    // The content folder is read from the environment when the config is loaded, so a process
    // serves one content folder and one project folder.
    if (this.child && (contentDir !== this.contentDir || cwd !== this.cwd)) this.close();
    const child = this.child ?? this.start(cwd, contentDir);
    const id = this.next++;
    return new Promise<Reply>((done, fail) => {
      this.waiting.set(id, { done, fail });
      child.send({ id, output, previous });
    }).then(({ code, stderr }) => ({ code, stderr }));
  };

  private start(cwd: string, contentDir: string): ChildProcess {
    const child = fork(childScript, [], {
      cwd,
      env: { ...process.env, CONTENT_DIR: contentDir },
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    child.on('message', (reply: Reply) => {
      this.waiting.get(reply.id)?.done(reply);
      this.waiting.delete(reply.id);
    });
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      for (const { done } of this.waiting.values()) done({ id: 0, code: code ?? 1, stderr: stderr || 'the Eleventy process ended during the build' });
      this.waiting.clear();
    });
    this.child = child;
    this.contentDir = contentDir;
    this.cwd = cwd;
    return child;
  }

  /** The warm process, while there is one. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  close(): void {
    this.child?.kill();
    this.child = null;
  }
}
