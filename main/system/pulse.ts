import { CommandFailed } from './run';
import { Unavailable, type CommandRunner } from './types';

interface SourceOutput {
  source: number;
  corked: boolean;
  app: string;
}

/** Recorders that only draw a level meter, not a call. */
const METERS = /pavucontrol|pwvucontrol|gnome-control-center|plasma-pa/i;

function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error('pactl gave output Movesnack could not read');
  }
}

/** `pactl -f json list source-outputs` (PulseAudio 16+, pipewire-pulse). */
export function parseSourceOutputsJson(text: string): SourceOutput[] {
  const list = parseJson<Array<{ source?: number | string; corked?: boolean; properties?: Record<string, string> }>>(text);
  if (!Array.isArray(list)) throw new Error('pactl gave output Movesnack could not read');
  return list.map((item) => ({
    source: Number(item.source),
    corked: item.corked === true,
    app: `${item.properties?.['application.name'] ?? ''} ${item.properties?.['application.process.binary'] ?? ''} ${item.properties?.['application.id'] ?? ''}`,
  }));
}

/** `pactl list short source-outputs`: index, source, client, driver, sample spec (tab-separated). */
export function parseSourceOutputsShort(text: string): SourceOutput[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({ source: Number(line.split('\t')[1]), corked: false, app: '' }));
}

/** `pactl list short sources`: index, name, … ; monitors of outputs end in `.monitor`. */
export function monitorSources(text: string): Set<number> {
  const monitors = new Set<number>();
  for (const line of text.split('\n')) {
    const [index, name] = line.split('\t');
    if (index && name && name.endsWith('.monitor')) monitors.add(Number(index));
  }
  return monitors;
}

/**
 * The microphone is in use when some app records from a real input (not the monitor of an
 * output, not a level meter) and the stream is running.
 */
export async function microphoneInUse(run: CommandRunner, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<boolean> {
  const pactl = async (args: string[]) => {
    try {
      return await run('pactl', args, { timeoutMs, env });
    } catch (error) {
      if (error instanceof CommandFailed && /connection (failure|refused)|no such file|connection terminated/i.test(error.stderr))
        throw new Unavailable('no PulseAudio or PipeWire sound server');
      throw error;
    }
  };
  const json = pactl(['-f', 'json', 'list', 'source-outputs']);
  json.catch(() => undefined);
  const sources = monitorSources(await pactl(['list', 'short', 'sources']));
  let outputs: SourceOutput[];
  try {
    outputs = parseSourceOutputsJson(await json);
  } catch (error) {
    if (error instanceof Unavailable) throw error;
    // pactl before 16 has no JSON: the short listing has no "corked", so any stream counts.
    outputs = parseSourceOutputsShort(await pactl(['list', 'short', 'source-outputs']));
  }
  return outputs.some((o) => !o.corked && !sources.has(o.source) && !METERS.test(o.app));
}
