/** The part of Eleventy's programmatic API that WarmEleventy uses (the package ships no types). */
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { quietMode?: boolean; source?: 'cli' | 'script'; configPath?: string });
    write(): Promise<unknown>;
  }
}
