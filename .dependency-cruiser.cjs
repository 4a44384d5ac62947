/**
 * The arrows inside libs/domain (DESIGN.md, "Layout"), checked by `nx run domain:lint`. Nx tags guard the
 * arrows between projects; these guard the folders of the domain. Type-only imports count: a cycle through
 * types is still a cycle to the reader.
 */
const DOMAIN = '^libs/domain/src/';
const SPEC = '\\.spec\\.ts$';

/**
 * The folders of libs/domain, bottom first. A folder imports only folders listed before it, so the folders form
 * no circle either: infrastructure (settings, logs, storage, queues, live events, the process handles), then what
 * a monitor is (its kinds and their probes, its row read back), then the concerns, then what runs the checks and
 * what reads across everything. testing/ (specs' helpers), index.ts and specs (which may drive their subject
 * through the layers above it, as a user would) stand outside the order.
 */
const LAYERS = [
  'logging',
  'core',
  'db',
  'queue',
  'events',
  'runtime',
  'checks',
  'monitor-model',
  'maintenance-windows',
  'alerting',
  'evaluation',
  'expiry',
  'scheduling',
  'monitors',
  'watchdog',
  'lanes',
  'stats',
  'status-pages',
  'metrics',
];

/** One rule per layer: nothing in it imports a layer above it. */
const layerRules = LAYERS.slice(0, -1).map((folder, index) => ({
  name: `layer-${folder}`,
  comment: `${folder}/ sits below ${LAYERS.slice(index + 1).join(', ')} (the layer order above): it imports none of them.`,
  severity: 'error',
  from: { path: `${DOMAIN}${folder}/`, pathNot: SPEC },
  to: { path: `${DOMAIN}(${LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-folder-has-a-layer',
      comment: 'A new top-level folder of libs/domain takes its place in LAYERS, so the order keeps covering everything.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: [SPEC, `${DOMAIN}testing/`] },
      to: { path: DOMAIN, pathNot: [`${DOMAIN}(${[...LAYERS, 'testing'].join('|')})/`, `${DOMAIN}[^/]+\\.json$`] },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere in libs/domain/src: each file can be read knowing only what it imports.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { circular: true },
    },
    {
      name: 'db-does-not-import-upward',
      comment: 'db/ (schema, migrations, queries) is the bottom layer: it imports only db/ and @mini-netumo/contracts.',
      severity: 'error',
      from: { path: `${DOMAIN}db/`, pathNot: SPEC },
      to: { path: '^(libs|apps|tools)/', pathNot: [`${DOMAIN}db/`, '^libs/contracts/src/'] },
    },
    {
      name: 'testing-only-from-specs-and-tests',
      comment: 'Production code never imports testing/ (fakes, throwaway servers, fixtures); specs and testing/ itself may.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: [SPEC, `${DOMAIN}testing/`] },
      to: { path: `${DOMAIN}testing/` },
    },
    {
      name: 'check-kinds-stay-apart',
      comment: "checks/<kind>/ imports no other kind's folder; what two kinds share lives in checks/net/.",
      severity: 'error',
      from: { path: `${DOMAIN}checks/([^/]+)/` },
      to: { path: `${DOMAIN}checks/[^/]+/`, pathNot: `${DOMAIN}checks/($1|net)/` },
    },
    {
      name: 'checks-net-is-kind-agnostic',
      comment: 'checks/net/ (addresses, certificates, socket errors) is below every probe and expiry lane.',
      severity: 'error',
      from: { path: `${DOMAIN}checks/net/` },
      to: { path: `${DOMAIN}(checks/[^/]+/|expiry/)`, pathNot: `${DOMAIN}checks/net/` },
    },
    {
      name: 'expiry-lanes-stay-apart',
      comment:
        'expiry/tls and expiry/domain do not import each other; shared pieces live in expiry/ itself. Expiry uses only checks/net/ of the probes.',
      severity: 'error',
      from: { path: `${DOMAIN}expiry/([^/]+)/` },
      to: { path: `${DOMAIN}(expiry/[^/]+/|checks/)`, pathNot: `${DOMAIN}(expiry/$1/|checks/net/)` },
    },
    {
      name: 'evaluation-is-kind-agnostic',
      comment: 'Verdicts, the state machine and rollup maths never depend on a probe kind or an expiry lane.',
      severity: 'error',
      from: { path: `${DOMAIN}evaluation/` },
      to: { path: `${DOMAIN}(checks|expiry)/` },
    },
    {
      name: 'channel-kinds-stay-apart',
      comment: "alerting/channels/<kind>/ imports no other kind's folder; shared pieces are http/ and template/.",
      severity: 'error',
      from: { path: `${DOMAIN}alerting/channels/([^/]+)/` },
      to: { path: `${DOMAIN}alerting/channels/[^/]+/`, pathNot: `${DOMAIN}alerting/channels/($1|http|template)/` },
    },
    {
      name: 'channel-plugins-only-send',
      comment: "A channel plugin formats and sends; storage, queues and policy are the callers' business.",
      severity: 'error',
      from: { path: `${DOMAIN}alerting/channels/(email|slack|discord|webhook|telegram|in-app|http|template)/`, pathNot: SPEC },
      to: { path: DOMAIN, pathNot: `${DOMAIN}alerting/(channels/|inbox/inbox\\.ts$)` },
    },
    {
      name: 'logging-is-a-leaf',
      comment: 'Everything logs, so logging/ imports nothing else of the domain.',
      severity: 'error',
      from: { path: `${DOMAIN}logging/`, pathNot: SPEC },
      to: { path: DOMAIN, pathNot: `${DOMAIN}logging/` },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^libs/contracts/'] },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
