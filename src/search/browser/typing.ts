/**
 * Search-as-you-type that an input method cannot break. While a Chinese reader composes
 * (pinyin "hua'wei" before choosing 华为) the box fires `input` for every keystroke; those
 * are the IME's draft, not the reader's query. Nothing runs between compositionstart and
 * compositionend; compositionend itself counts as the input that settles the word.
 */
export interface SettledInput {
  /** Drops a pending call, e.g. when Enter runs the query at once. */
  cancel(): void;
  /** True between compositionstart and compositionend. */
  composing(): boolean;
}

export function onSettledInput(input: HTMLInputElement, settled: () => void, delay = 120): SettledInput {
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(settled, delay);
  };
  input.addEventListener('compositionstart', () => {
    composing = true;
    clearTimeout(timer); // a pause timed before the composition began must not fire in it
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  input.addEventListener('input', (event) => {
    if (composing || (event as InputEvent).isComposing) return;
    schedule();
  });
  return { cancel: () => clearTimeout(timer), composing: () => composing };
}

/** Keys pressed inside a composition belong to the input method (Enter picks a candidate). */
export function isImeKey(event: KeyboardEvent): boolean {
  // 229 is what Chromium and Safari report for keys the IME consumes.
  return event.isComposing || event.keyCode === 229;
}
