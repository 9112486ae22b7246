/**
 * The process behind WarmEleventy: builds the site into the folder each message names, with a
 * new Eleventy instance every time, and answers with the outcome. Runs under tsx.
 */
import Eleventy from '@11ty/eleventy';
import { PREVIOUS_SITE_ENV } from '../site/eleventy/site-data.ts';

process.on('message', async ({ id, output, previous }: { id: number; output: string; previous: string }) => {
  try {
    process.env[PREVIOUS_SITE_ENV] = previous;
    // source 'cli' makes the output folder given here win over the config file's, as --output
    // does for the command line.
    const eleventy = new Eleventy(undefined, output, { quietMode: true, source: 'cli' });
    await eleventy.write();
    process.send!({ id, code: 0, stderr: '' });
  } catch (error) {
    process.send!({ id, code: 1, stderr: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// npm start gone (even killed): nothing is left to build for.
process.on('disconnect', () => process.exit(0));
