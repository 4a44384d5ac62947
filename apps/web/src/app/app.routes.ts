import type { Routes } from '@angular/router';
import { MonitorList } from './monitors/monitor-list/monitor-list';

export const appRoutes: Routes = [
  { path: 'incidents', loadChildren: () => import('./incidents/incidents.routes').then((m) => m.INCIDENT_ROUTES) },
  { path: 'expiring', loadChildren: () => import('./expiry/expiry.routes').then((m) => m.EXPIRY_ROUTES) },
  { path: 'alerts', loadChildren: () => import('./alerts/alerts.routes').then((m) => m.ALERT_ROUTES) },
  { path: 'maintenance', loadChildren: () => import('./maintenance/maintenance.routes').then((m) => m.MAINTENANCE_ROUTES) },
  { path: 'channels', loadChildren: () => import('./channels/channels.routes').then((m) => m.CHANNEL_ROUTES) },
  { path: 'status-pages', loadChildren: () => import('./status-pages/status-pages.routes').then((m) => m.STATUS_PAGE_ROUTES) },
  // The overview is where nearly every visit starts: in the first bundle, not two lazy loads behind it.
  { path: '', pathMatch: 'full', title: 'Monitors · mini-netumo', component: MonitorList },
  { path: '', loadChildren: () => import('./monitors/monitors.routes').then((m) => m.MONITOR_ROUTES) },
  { path: '**', redirectTo: '' },
];
