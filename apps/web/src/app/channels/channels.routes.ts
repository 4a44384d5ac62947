import type { Routes } from '@angular/router';

export const CHANNEL_ROUTES: Routes = [
  { path: '', title: 'Channels · mini-netumo', loadComponent: () => import('./channel-list/channel-list').then((m) => m.ChannelList) },
  {
    path: 'new',
    title: 'Add channel · mini-netumo',
    loadComponent: () => import('./channel-form/channel-form').then((m) => m.ChannelForm),
  },
  {
    path: ':id',
    title: 'Edit channel · mini-netumo',
    loadComponent: () => import('./channel-form/channel-form').then((m) => m.ChannelForm),
  },
];
