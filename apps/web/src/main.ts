import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { prefetchOverview } from './app/monitors/data-access/overview-prefetch';

if (location.pathname === '/') prefetchOverview();
bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
