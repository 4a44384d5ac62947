import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { prefetchOverview } from './app/monitors/data-access/overview-prefetch';
import { sharedTrpcClient } from './app/trpc/trpc';

if (location.pathname === '/') prefetchOverview(sharedTrpcClient());
bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
