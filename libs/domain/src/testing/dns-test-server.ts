import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  AUTHORITATIVE_ANSWER,
  RECURSION_AVAILABLE,
  RECURSION_DESIRED,
  TRUNCATED_RESPONSE,
  decode,
  encode,
  streamEncode,
  type Answer,
  type DecodedPacket,
  type OptAnswer,
  type Packet,
  type Question,
} from 'dns-packet';

/** How a name misbehaves instead of answering: each is a failure a DNS monitor must tell apart. */
export type DnsBehaviour = 'nxdomain' | 'servfail' | 'refused' | 'silent' | 'empty';

/** What the test server holds for one name; a type left out is answered NOERROR with no records (NODATA). */
export interface DnsZoneEntry {
  A?: string[];
  AAAA?: string[];
  /** Also followed (inside the zone) when another type is asked for, as a recursive resolver would. */
  CNAME?: string;
  MX?: { preference: number; exchange: string }[];
  /** One string per record, or its chunks (each at most 255 bytes on the wire). */
  TXT?: (string | string[])[];
  NS?: string[];
  behaviour?: DnsBehaviour;
}

export type DnsZone = Record<string, DnsZoneEntry>;

export interface DnsTestServer {
  host: '127.0.0.1';
  port: number;
  /** `127.0.0.1:<port>`, as a monitor's resolver field takes it. */
  resolver: string;
  /** Queries received over UDP and TCP, unanswered (silent) ones included. */
  readonly queries: number;
  setZone(zone: DnsZone): void;
  /** Replaces one name's entry; `undefined` removes the name (then it is NXDOMAIN). */
  setEntry(name: string, entry: DnsZoneEntry | undefined): void;
  close(): Promise<void>;
}

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
const TTL = 60;
const MAX_CNAME_HOPS = 8;
/** Without EDNS a UDP answer may not exceed 512 bytes (RFC 1035 §4.2.1); a larger one is cut and retried over TCP. */
const PLAIN_UDP_LIMIT = 512;

const normalise = (name: string) => name.toLowerCase().replace(/\.$/, '');

/**
 * A real DNS server (UDP and TCP on one kernel-chosen port of 127.0.0.1) answering from a zone a test can change
 * between checks. Unknown names are NXDOMAIN. Retries a port the TCP side finds taken.
 */
export async function startDnsTestServer(initialZone: DnsZone): Promise<DnsTestServer> {
  const zone = new Map<string, DnsZoneEntry>();
  const setZone = (next: DnsZone) => {
    zone.clear();
    Object.entries(next).forEach(([name, entry]) => zone.set(normalise(name), entry));
  };
  setZone(initialZone);
  let queries = 0;
  const answer = (query: DecodedPacket): Packet | null => {
    queries++;
    return respond(query, zone);
  };
  const { udp, tcp, sockets } = await bindBoth(answer);
  const port = (udp.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    resolver: `127.0.0.1:${port}`,
    get queries() {
      return queries;
    },
    setZone,
    setEntry: (name, entry) => (entry ? zone.set(normalise(name), entry) : zone.delete(normalise(name))),
    async close() {
      sockets.forEach((socket) => socket.destroy());
      await Promise.all([new Promise<void>((resolve) => udp.close(() => resolve())), new Promise((resolve) => tcp.close(resolve))]);
    },
  };
}

/** The response to one query, or null to stay silent (the client then times out). */
function respond(query: DecodedPacket, zone: Map<string, DnsZoneEntry>): Packet | null {
  const question = query.questions?.[0];
  const reply = (rcode: number, answers: Answer[] = []): Packet => ({
    type: 'response',
    id: query.id,
    flags: AUTHORITATIVE_ANSWER | RECURSION_AVAILABLE | ((query.flags ?? 0) & RECURSION_DESIRED) | rcode,
    questions: query.questions,
    answers,
  });
  if (!question) return reply(RCODE.FORMERR);
  const found: Answer[] = [];
  let name = question.name;
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    const entry = zone.get(normalise(name));
    if (!entry || entry.behaviour === 'nxdomain') return reply(RCODE.NXDOMAIN, found);
    if (entry.behaviour === 'silent') return null;
    if (entry.behaviour === 'servfail') return reply(RCODE.SERVFAIL);
    if (entry.behaviour === 'refused') return reply(RCODE.REFUSED);
    if (entry.behaviour === 'empty') return reply(RCODE.NOERROR, found);
    const own = recordsOf(entry, question.type, name);
    if (own.length > 0 || !entry.CNAME || question.type === 'CNAME') return reply(RCODE.NOERROR, [...found, ...own]);
    found.push({ type: 'CNAME', name, ttl: TTL, data: entry.CNAME });
    name = entry.CNAME;
  }
  return reply(RCODE.SERVFAIL); // a CNAME loop
}

function recordsOf(entry: DnsZoneEntry, type: Question['type'], name: string): Answer[] {
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'NS':
      return (entry[type] ?? []).map((data): Answer => ({ type, name, ttl: TTL, data }));
    case 'CNAME':
      return entry.CNAME ? [{ type, name, ttl: TTL, data: entry.CNAME }] : [];
    case 'MX':
      return (entry.MX ?? []).map((data): Answer => ({ type, name, ttl: TTL, data }));
    case 'TXT':
      return (entry.TXT ?? []).map((data): Answer => ({ type, name, ttl: TTL, data }));
    default:
      return [];
  }
}

type Answerer = (query: DecodedPacket) => Packet | null;

/** UDP first on port 0, then TCP on the same port; the kernel may have handed that TCP port out already. */
async function bindBoth(answer: Answerer): Promise<{ udp: UdpSocket; tcp: Server; sockets: Set<Socket> }> {
  for (let attempt = 0; ; attempt++) {
    const udp = await bindUdp(answer);
    const sockets = new Set<Socket>();
    const tcp = createServer((socket) => serveTcp(socket, sockets, answer));
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen((udp.address() as AddressInfo).port, '127.0.0.1', () => resolve());
      });
      return { udp, tcp, sockets };
    } catch (error) {
      udp.close();
      if (attempt >= 5) throw error;
    }
  }
}

async function bindUdp(answer: Answerer): Promise<UdpSocket> {
  const udp = createSocket('udp4');
  udp.on('message', (message, peer) => {
    const query = tryDecode(message);
    const response = query && answer(query);
    if (!query || !response) return;
    let wire = encode(response);
    if (wire.length > udpLimit(query)) wire = encode({ ...response, flags: (response.flags ?? 0) | TRUNCATED_RESPONSE, answers: [] });
    udp.send(wire, peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(0, '127.0.0.1', () => resolve());
  });
  return udp;
}

/** DNS over TCP frames each message with a two-byte length (RFC 1035 §4.2.2); one connection may carry several. */
function serveTcp(socket: Socket, sockets: Set<Socket>, answer: Answerer): void {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => undefined);
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
      const length = buffered.readUInt16BE(0);
      const query = tryDecode(buffered.subarray(2, 2 + length));
      buffered = buffered.subarray(2 + length);
      const response = query && answer(query);
      if (response) socket.write(streamEncode(response));
    }
  });
}

function tryDecode(message: Buffer): DecodedPacket | null {
  try {
    return decode(message);
  } catch {
    return null;
  }
}

function udpLimit(query: DecodedPacket): number {
  const opt = query.additionals?.find((record): record is OptAnswer => record.type === 'OPT');
  return Math.max(PLAIN_UDP_LIMIT, opt?.udpPayloadSize ?? 0);
}
