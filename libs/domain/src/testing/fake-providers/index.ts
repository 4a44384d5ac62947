export * from './fake-provider';
export * from './fake-resend';
export * from './fake-slack';
export * from './fake-discord';
export * from './fake-telegram';
export * from './fake-webhook-receiver';
