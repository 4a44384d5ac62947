import type { Signal, Type } from '@angular/core';
import type { MonitorKind } from '@mini-netumo/contracts';
import { DnsFields } from './dns/dns-fields';
import { HeartbeatFields } from './heartbeat/heartbeat-fields';
import { HttpAdvancedFields } from './http/http-advanced-fields';
import { HttpFields } from './http/http-fields';
import { TcpFields } from './tcp/tcp-fields';

/**
 * What every section component takes, as signal inputs: its kind's form group and the form's messages. Typed
 * loosely (an input signal's own type is invariant), so this checks the names the outlet binds.
 */
export interface KindSectionInputs {
  readonly group: Signal<unknown>;
  readonly errors: Signal<unknown>;
}

/** Where a kind's inputs show in the monitor form. */
export interface KindSection {
  /** Below the kind choice, where the URL was before there were kinds. */
  main: Type<KindSectionInputs>;
  /** Its part of the shared Advanced panel, above the retries; null when it has none. */
  advanced: Type<KindSectionInputs> | null;
  /** What that part holds, as the panel's header says it. */
  advancedSummary: string | null;
}

/** The form section of every kind. A kind without its section fails `tsc`. */
export const KIND_SECTIONS: Record<MonitorKind, KindSection> = {
  http: { main: HttpFields, advanced: HttpAdvancedFields, advancedSummary: 'Request, body check, redirects, TLS' },
  tcp: { main: TcpFields, advanced: null, advancedSummary: null },
  dns: { main: DnsFields, advanced: null, advancedSummary: null },
  heartbeat: { main: HeartbeatFields, advanced: null, advancedSummary: null },
};
