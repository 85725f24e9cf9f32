// The x11 package (pure-JavaScript X11 client) ships no types; only what main/system uses.
declare module 'x11' {
  import type { EventEmitter } from 'node:events';
  export interface XScreen {
    root: number;
  }
  export interface XDisplay {
    screen: XScreen[];
    client: XClient;
  }
  export interface XProperty {
    type: number;
    format: number;
    data: Buffer;
  }
  export interface ScreenSaverInfo {
    state: number;
    idle: number;
  }
  export interface ScreenSaverExt {
    QueryInfo(drawable: number, cb: (err: Error | null, info: ScreenSaverInfo) => void): void;
  }
  export interface SyncCounter {
    counter: number;
    name: string;
  }
  export interface AlarmValues {
    counter?: number;
    valueType?: number;
    value?: number;
    testType?: number;
    delta?: number;
    events?: boolean | number;
  }
  export interface SyncExt {
    ListSystemCounters(cb: (err: Error | null, counters: SyncCounter[]) => void): void;
    CreateAlarm(id: number, values: AlarmValues): void;
    ChangeAlarm(id: number, values: AlarmValues): void;
    ValueType: { Absolute: number; Relative: number };
    TestType: { PositiveTransition: number; NegativeTransition: number; PositiveComparison: number; NegativeComparison: number };
  }
  export interface XEvent {
    name?: string;
    alarm?: number;
    counterValue?: number;
  }
  export interface XClient extends EventEmitter {
    AllocID(): number;
    InternAtom(onlyIfExists: boolean, name: string, cb: (err: Error | null, atom: number) => void): void;
    GetProperty(
      del: number,
      wid: number,
      name: number,
      type: number,
      longOffset: number,
      longLength: number,
      cb: (err: Error | null, prop: XProperty) => void,
    ): void;
    require(ext: 'screen-saver', cb: (err: Error | null, ext: ScreenSaverExt) => void): void;
    require(ext: 'sync', cb: (err: Error | null, ext: SyncExt) => void): void;
    terminate(): void;
  }
  export function createClient(
    options: { display?: string; shm?: boolean | 'off'; disableBigRequests?: boolean },
    cb: (err: Error | undefined, display: XDisplay) => void,
  ): XClient;
}
