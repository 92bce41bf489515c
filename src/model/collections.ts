/** Appends to the list a map holds for a key, creating it: in place, so filling an index stays linear. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
