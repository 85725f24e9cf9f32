import type { Page } from '@playwright/test';
import type { ShellHost } from './shell-host';

declare global {
  interface Window {
    __cspViolations?: string[];
    /** The data of the last `state` event the app was handed. */
    __lastStateData?: string | null;
    /** Set while the test holds events back: deliveries waiting, in order. */
    __heldEvents?: (() => void)[] | null;
    __eventStreams?: number;
    /** Every event stream the page opened, to read its readyState. */
    __streams?: EventSource[];
  }
}

/**
 * Runs in the page before the app's script. It changes nothing about how the page talks to
 * Movesnack: the app's own EventSource still connects to the real server. It only watches,
 * so the test can tell when the page has caught up, and can hold deliveries back (a window
 * that has not heard about a change yet). It also records CSP violations.
 */
function observePage() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations!.push(`${e.violatedDirective}: ${e.blockedURI || e.sourceFile}`);
  });
  window.__lastStateData = null;
  window.__heldEvents = null;
  window.__eventStreams = 0;
  window.__streams = [];
  const Real = window.EventSource;
  class Observed extends Real {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      window.__eventStreams = (window.__eventStreams ?? 0) + 1;
      window.__streams!.push(this);
    }
  }
  const add = Real.prototype.addEventListener;
  const observedAdd = function (
    this: EventSource,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (type !== 'state' || !listener)
      return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    const call = typeof listener === 'function' ? listener : (e: Event) => listener.handleEvent(e);
    const observed = (event: Event) => {
      const deliver = () => {
        call.call(this, event);
        window.__lastStateData = (event as MessageEvent<string>).data;
      };
      if (window.__heldEvents) window.__heldEvents.push(deliver);
      else deliver();
    };
    return add.call(this, type, observed, options);
  };
  Object.defineProperty(Observed.prototype, 'addEventListener', {
    value: observedAdd,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(window, 'EventSource', { value: Observed, configurable: true, writable: true });
}

export interface PageLink {
  /** Every state the engine announced has reached the page (when the page listens). */
  settled(): Promise<void>;
  /** Keeps events back (a slow or stale window); release() delivers them in order. */
  hold(): Promise<void>;
  release(): Promise<void>;
}

export async function linkPage(page: Page, host: ShellHost): Promise<PageLink> {
  await page.addInitScript(observePage);
  const settled = async () => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      // The last state the engine announced; a page that connected later got the current one.
      const expected = [host.announcedJson(), host.stateJson()];
      let seen: { streams: number; last: string | null; held: boolean } | null;
      try {
        seen = await page.evaluate(() => ({
          streams: window.__eventStreams ?? 0,
          last: window.__lastStateData ?? null,
          held: window.__heldEvents != null,
        }));
      } catch {
        // Navigating: it reads the state afresh when it loads.
        seen = null;
      }
      if (!seen || seen.streams === 0 || seen.held || (seen.last !== null && expected.includes(seen.last))) return;
      if (Date.now() > deadline) throw new Error('The page did not receive the engine’s latest state within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    settled,
    async hold() {
      await page.evaluate(() => {
        window.__heldEvents ??= [];
      });
    },
    async release() {
      await page.evaluate(() => {
        const queue = window.__heldEvents ?? [];
        window.__heldEvents = null;
        for (const deliver of queue) deliver();
      });
      await settled();
    },
  };
}
