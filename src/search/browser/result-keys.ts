/**
 * Keyboard navigation: ArrowDown from the box enters the results, ArrowUp/ArrowDown move
 * between result links, Escape returns to the box. Enter follows the link natively.
 */
import { isImeKey } from './typing.ts';

export function enableResultKeys(input: HTMLInputElement, list: HTMLElement): void {
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('li a')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || isImeKey(event)) return; // the IME's candidate list owns the arrows
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at + 1 < all.length) all[at + 1]!.focus();
    else if (event.key === 'ArrowUp') (at > 0 ? all[at - 1]! : input).focus();
    else if (event.key === 'Escape') input.focus();
    else return;
    event.preventDefault();
  });
}
