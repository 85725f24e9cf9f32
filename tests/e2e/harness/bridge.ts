import type { Page } from '@playwright/test';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc-contract';
import type { EngineHost } from './engine-host';

declare global {
  interface Window {
    __movesnackInvoke?: (
      channel: string,
      args: unknown[],
    ) => Promise<{ ok: true; value: unknown } | { ok: false; error: string }>;
    __movesnackEmit?: (event: string, payload: unknown) => void;
    __cspViolations?: string[];
  }
}

/**
 * Runs in the page before the app's script: builds the same `window.movesnack` surface the
 * preload exposes (one method per invoke channel, `on(event, cb)`), each call crossing to the
 * test process through page.exposeBinding, where main/ipc.ts answers from the real engine.
 * Also records CSP violations so the tests can assert there are none.
 */
function installShim({ invokeChannels, eventChannels }: { invokeChannels: string[]; eventChannels: string[] }) {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations!.push(`${e.violatedDirective}: ${e.blockedURI || e.sourceFile}`);
  });
  const listeners = new Map<string, Set<(payload: unknown) => void>>(eventChannels.map((e) => [e, new Set()]));
  const call = async (channel: string, args: unknown[]) => {
    const result = await window.__movesnackInvoke!(channel, args);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  const api: Record<string, unknown> = {};
  for (const channel of invokeChannels) api[channel] = (...args: unknown[]) => call(channel, args);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event);
    if (!set) throw new Error(`Unknown event "${event}"`);
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'movesnack', { value: Object.freeze(api), enumerable: true });
  window.__movesnackEmit = (event, payload) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
}

export interface PageLink {
  /** Every state event sent so far has reached the page. */
  settled(): Promise<void>;
  /** Keeps events back (a slow or stale window); release() delivers them in order. */
  hold(): void;
  release(): Promise<void>;
}

/** Connects a page to the engine: invoke through handleInvoke, events pushed into the page. */
export async function bridge(page: Page, engine: EngineHost): Promise<PageLink> {
  await page.exposeBinding('__movesnackInvoke', (_source, channel: unknown, args: unknown) =>
    engine.invoke(channel, args),
  );
  await page.addInitScript(installShim, { invokeChannels: [...INVOKE_CHANNELS], eventChannels: [...EVENT_CHANNELS] });
  let delivery: Promise<unknown> = Promise.resolve();
  let held: [string, unknown][] | null = null;
  const deliver = (event: string, payload: unknown) => {
    delivery = delivery.then(() =>
      page
        .evaluate(([e, p]) => window.__movesnackEmit?.(e, p), [event, payload] as const)
        .catch(() => {
          // The page may be navigating or closed; it reads the state again when it loads.
        }),
    );
  };
  engine.onEvent((event, payload) => {
    if (held) held.push([event, payload]);
    else deliver(event, payload);
  });
  return {
    settled: () => delivery.then(() => undefined),
    hold() {
      held ??= [];
    },
    async release() {
      const queue = held ?? [];
      held = null;
      for (const [event, payload] of queue) deliver(event, payload);
      await delivery;
    },
  };
}
