/** A request no tRPC or REST client would send: broken JSON, broken superjson, wrong method, unknown path, too big. */
export interface RawRequest {
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** After /trpc/ in RAW_REQUESTS; the whole path in REST_RAW_REQUESTS. */
  path: string;
  body?: string;
  contentType?: string;
}

const BAD_JSON = [
  'not json',
  '{',
  '{"json":',
  '{"json":{"name":"a",}}',
  '"\u0000',
  '{"json":"\\ud800"',
  '\u0000',
  '[1,2',
  '{"json":1}}',
  'NaN',
  "{'json':1}",
];

const BAD_SUPERJSON = [
  '{"json":1,"meta":{"values":{"":["Date"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["bigint"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["class","Monitor"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["custom","Money"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["symbol","s"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["typed-array","Nope"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["nope"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":[["nope"]]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"missing.deeper.path":["Date"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"__proto__.polluted":["Date"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"constructor.prototype":["Date"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["map"]}}}',
  '{"json":{"name":[1]},"meta":{"values":{"name":["set"]}}}',
  '{"json":{"name":"a"},"meta":{"referentialEqualities":{"name":["missing.path"]}}}',
  '{"json":{"name":"a"},"meta":{"referentialEqualities":{"":["name"]}}}',
  '{"json":{"name":"a"},"meta":{"values":{"name":["Error"]}}}',
  '{"json":{"name":"a"},"meta":{"values":5}}',
  '{"json":{"name":"a"},"meta":"x"}',
  '{"json":{"a":{"b":1}},"meta":{"values":{"a.b":["number"]}}}',
  '{"json":{"id":"x"},"meta":{"values":{"id":["regexp"]}}}',
  '{"json":{"name":"a","constructor":{"prototype":{"x":1}},"__proto__":{"polluted":true}}}',
  '{"json":null}',
  'null',
  '5',
  '[]',
  '"text"',
];

const MUTATION = 'monitors.create';
const QUERY = 'results.list';
const input = (text: string) => `?input=${encodeURIComponent(text)}`;

export const RAW_REQUESTS: readonly RawRequest[] = [
  ...BAD_JSON.map((body): RawRequest => ({ label: `bad JSON body ${JSON.stringify(body)}`, method: 'POST', path: MUTATION, body })),
  ...BAD_JSON.map((text): RawRequest => ({
    label: `bad JSON query input ${JSON.stringify(text)}`,
    method: 'GET',
    path: QUERY + input(text),
  })),
  ...BAD_SUPERJSON.map((body): RawRequest => ({ label: `bad superjson body ${body}`, method: 'POST', path: MUTATION, body })),
  ...BAD_SUPERJSON.map((text): RawRequest => ({ label: `bad superjson query input ${text}`, method: 'GET', path: QUERY + input(text) })),
  { label: 'batch of a non-object', method: 'POST', path: `${MUTATION}?batch=1`, body: '5' },
  {
    label: 'batch with a bad entry',
    method: 'POST',
    path: `${MUTATION},channels.create?batch=1`,
    body: '{"0":{"json":null},"1":{"json":1,"meta":{"values":{"":["bigint"]}}}}',
  },
  { label: 'batch mixing a query and a mutation', method: 'POST', path: `${MUTATION},monitors.list?batch=1`, body: '{}' },
  { label: 'unknown procedure', method: 'GET', path: 'monitors.nope' },
  { label: 'unknown procedure by POST', method: 'POST', path: 'monitors.nope', body: '{"json":{}}' },
  { label: 'a router, not a procedure', method: 'GET', path: 'monitors' },
  { label: 'no procedure at all', method: 'GET', path: '' },
  { label: 'bad percent-encoding in the path', method: 'GET', path: '%E0%A4%A' },
  { label: 'GET on a mutation', method: 'GET', path: MUTATION },
  { label: 'POST on a query', method: 'POST', path: 'monitors.list', body: '{"json":{}}' },
  { label: 'PUT on a mutation', method: 'PUT', path: MUTATION, body: '{"json":{}}' },
  { label: 'DELETE on a query', method: 'DELETE', path: 'monitors.list' },
  { label: 'text/plain body', method: 'POST', path: MUTATION, body: '{"json":{}}', contentType: 'text/plain' },
  { label: 'form body', method: 'POST', path: MUTATION, body: 'name=a', contentType: 'application/x-www-form-urlencoded' },
  { label: 'multipart body', method: 'POST', path: MUTATION, body: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
  { label: 'octet-stream body', method: 'POST', path: MUTATION, body: '\u0000\u0001', contentType: 'application/octet-stream' },
  { label: 'no content-type', method: 'POST', path: MUTATION, body: '{"json":{}}', contentType: '' },
  { label: 'body over the size limit', method: 'POST', path: MUTATION, body: JSON.stringify({ json: { name: 'a'.repeat(300 * 1024) } }) },
  { label: 'connection params that are not JSON', method: 'GET', path: `monitors.list?connectionParams=${encodeURIComponent('{nope')}` },
];

const MONITORS = '/api/v1/monitors';

/** The same kinds of request against REST; paths here are whole (after the host). */
export const REST_RAW_REQUESTS: readonly RawRequest[] = [
  ...BAD_JSON.map((body): RawRequest => ({ label: `REST bad JSON body ${JSON.stringify(body)}`, method: 'POST', path: MONITORS, body })),
  ...['null', '5', '[]', '"text"', '[{"name":"a"}]'].map((body): RawRequest => ({
    label: `REST body that is not an object ${body}`,
    method: 'POST',
    path: MONITORS,
    body,
  })),
  { label: 'REST bad percent-encoding in a path parameter', method: 'GET', path: `${MONITORS}/%E0%A4%A` },
  { label: 'REST percent-encoded lone surrogate', method: 'GET', path: `${MONITORS}/%ED%A0%80` },
  {
    label: 'REST bad percent-encoding in the query',
    method: 'GET',
    path: `${MONITORS}/00000000-0000-4000-8000-000000000000/results?limit=%E0%A4%A`,
  },
  { label: 'REST unknown route', method: 'GET', path: '/api/v1/nope' },
  { label: 'REST unknown version', method: 'GET', path: '/api/v9/monitors' },
  { label: 'REST nested too deep', method: 'GET', path: `${MONITORS}/a/b/c/d` },
  { label: 'REST method the path does not answer', method: 'PUT', path: MONITORS, body: '{}' },
  { label: 'REST text/plain body', method: 'POST', path: MONITORS, body: '{}', contentType: 'text/plain' },
  { label: 'REST form body', method: 'POST', path: MONITORS, body: 'name=a', contentType: 'application/x-www-form-urlencoded' },
  { label: 'REST no content-type', method: 'POST', path: MONITORS, body: '{"name":"a"}', contentType: '' },
  { label: 'REST body over the size limit', method: 'POST', path: MONITORS, body: JSON.stringify({ name: 'a'.repeat(300 * 1024) }) },
  { label: 'REST __proto__ in the body', method: 'POST', path: MONITORS, body: '{"__proto__":{"polluted":true},"name":"a"}' },
];
