// Vitest 5 targets Node 22 and calls Map.groupBy/Object.groupBy (Node 21+) when it reports failures;
// on Node 20 that turns every failing test into a reporter crash that hides the failure. Loaded with
// `node --import` by the test scripts (and inherited by Vitest's forked workers).
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function groupBy(items, key) {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
    return map;
  };
}
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function groupBy(items, key) {
    return Object.fromEntries(Map.groupBy(items, key));
  };
}
