import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MonitoringBanner } from './health/monitoring-banner/monitoring-banner';
import { LiveEvents } from './live/live-events';
import { NotificationBell } from './notifications/notification-bell';

/**
 * The shell: a toolbar with the navigation and the live-connection indicator, a banner while monitoring
 * itself is degraded, then the routed page.
 */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatToolbarModule, RouterLink, RouterLinkActive, RouterOutlet, NotificationBell, MonitoringBanner],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly live = inject(LiveEvents);
}
