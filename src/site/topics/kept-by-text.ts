/**
 * Values made from an article's text, kept from one call to the next in a process (npm
 * start's warm Eleventy process makes them again after every drop-in): a value is known by the
 * text and by a second string it was made with (a headline, a title), and only the values the
 * last call asked for are kept, so articles gone are let go.
 */
export class KeptByText<V> {
  private kept = new Map<string, { madeWith: string; value: V }[]>();

  /** Each item's value: the last call's where it had one for the same text and string, else made now. */
  map<T>(items: T[], textOf: (item: T) => string, madeWithOf: (item: T) => string, make: (item: T) => V): V[] {
    const next = new Map<string, { madeWith: string; value: V }[]>();
    const values = items.map((item) => {
      const text = textOf(item);
      const madeWith = madeWithOf(item);
      const same = (entry: { madeWith: string }) => entry.madeWith === madeWith;
      const entry = next.get(text)?.find(same) ?? this.kept.get(text)?.find(same) ?? { madeWith, value: make(item) };
      const list = next.get(text);
      if (!list) next.set(text, [entry]);
      else if (!list.includes(entry)) list.push(entry);
      return entry.value;
    });
    this.kept = next;
    return values;
  }
}
