/** One inline-cache site of a V8 `--log-ic` log, and how often it missed. */
export interface IcSite {
  /** `LoadIC`, `StoreIC`, `KeyedLoadIC`… */
  kind: string;
  /** The function and its script position, from the log's `code-creation` events. */
  code: string;
  line: number;
  column: number;
  /** The property name (or symbol) looked up. */
  key: string;
  misses: number;
}

interface CodeObject {
  start: number;
  end: number;
  name: string;
}

/**
 * The inline-cache misses of a V8 `--log-ic` log (`--no-logfile-per-isolate`) in code whose
 * script name contains `script`, per site, most first. Every IC event of the log is a miss (a hit
 * is not logged); the code an event's pc falls in is found among the log's `code-creation`
 * events, in log order (code objects are moved and freed as the process runs).
 */
export function readIcMisses(log: string, script: string): IcSite[] {
  const code: CodeObject[] = [];
  const sites = new Map<string, IcSite>();
  for (const line of log.split('\n')) {
    const fields = line.split(',');
    const event = fields[0] ?? '';
    if (event === 'code-creation') {
      // code-creation,type,kind,time,address,size,name[,sfi,marker]
      const start = Number.parseInt(fields[4] ?? '', 16);
      const size = Number(fields[5]);
      if (Number.isFinite(start) && Number.isFinite(size)) {
        insert(code, { start, end: start + size, name: fields.slice(6, -2).join(',') || '' });
      }
    } else if (event === 'code-move') {
      const from = Number.parseInt(fields[1] ?? '', 16);
      const to = Number.parseInt(fields[2] ?? '', 16);
      const moved = remove(code, from);
      if (moved) insert(code, { ...moved, start: to, end: to + (moved.end - moved.start) });
    } else if (event === 'code-delete') {
      remove(code, Number.parseInt(fields[1] ?? '', 16));
    } else if (event.endsWith('IC') && fields.length >= 9) {
      // LoadIC,pc,time,line,column,old state,new state,map,key,…
      const owner = find(code, Number.parseInt(fields[1] ?? '', 16));
      if (owner === undefined || !owner.name.includes(script)) continue;
      const key = `${event} ${owner.name} ${fields[3]}:${fields[4]} ${fields[8]}`;
      const site = sites.get(key) ?? {
        kind: event,
        code: owner.name,
        line: Number(fields[3]),
        column: Number(fields[4]),
        key: fields[8] ?? '',
        misses: 0,
      };
      site.misses += 1;
      sites.set(key, site);
    }
  }
  return [...sites.values()].sort((left, right) => right.misses - left.misses);
}

/** The index of the first code object starting after `address`. */
function upperBound(code: readonly CodeObject[], address: number): number {
  let low = 0;
  let high = code.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((code[middle]?.start ?? 0) <= address) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Adds a code object, dropping those it overlaps: their memory was freed and reused. */
function insert(code: CodeObject[], object: CodeObject): void {
  let first = upperBound(code, object.start);
  const before = code[first - 1];
  if (before !== undefined && before.end > object.start) first -= 1;
  let last = first;
  while (last < code.length && (code[last]?.start ?? Number.POSITIVE_INFINITY) < object.end) {
    last += 1;
  }
  code.splice(first, last - first, object);
}

function remove(code: CodeObject[], start: number): CodeObject | undefined {
  const index = upperBound(code, start) - 1;
  const object = code[index];
  if (object?.start !== start) return undefined;
  code.splice(index, 1);
  return object;
}

function find(code: readonly CodeObject[], address: number): CodeObject | undefined {
  const object = code[upperBound(code, address) - 1];
  return object !== undefined && address < object.end ? object : undefined;
}
