import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KeptWorker } from '../src/worker-thread.ts';

const module = new URL('./support/counting-worker.ts', import.meta.url);
type Answer = { threadId: number; jobs: number; echo: string };

describe('a kept worker', () => {
  it('answers job after job in one thread, which keeps what it learned', async () => {
    const worker = new KeptWorker(module);
    const first = await worker.run<Answer>('甲');
    const [second, third] = await Promise.all([worker.run<Answer>('乙'), worker.run<Answer>('丙')]);
    expect([first.echo, second.echo, third.echo]).toEqual(['甲', '乙', '丙']);
    expect(new Set([first.threadId, second.threadId, third.threadId]).size).toBe(1);
    expect([first.jobs, second.jobs, third.jobs]).toEqual([1, 2, 3]);
  });

  it('fails a job with the error its module gives, and answers the next', async () => {
    const worker = new KeptWorker(module);
    await expect(worker.run('fail')).rejects.toThrow('asked to fail');
    expect((await worker.run<Answer>('丁')).echo).toBe('丁');
  });

  it('fails the jobs of a thread that stops, and starts another for the next job', async () => {
    const worker = new KeptWorker(module);
    const before = await worker.run<Answer>('戊');
    await expect(worker.run('stop')).rejects.toThrow(/stopped with code 3/);
    const after = await worker.run<Answer>('己');
    expect(after.threadId).not.toBe(before.threadId);
    expect(after.jobs).toBe(1);
  });

  it('does not keep a process alive once its jobs are answered', () => {
    const script = `import { KeptWorker } from ${JSON.stringify(new URL('../src/worker-thread.ts', import.meta.url).href)};
      const answer = await new KeptWorker(new URL(${JSON.stringify(module.href)})).run('庚');
      console.log(answer.echo);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe('庚');
  });
});
