import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { StatusPage } from '@mini-netumo/contracts';
import { firstValueFrom } from 'rxjs';
import { messageOf } from '../../trpc/error-message';
import { ConfirmDialog, type ConfirmDialogData } from '../../ui/confirm-dialog';
import { StatusPageStore } from '../data-access/status-page-store';

/** Every status page: title, address, how many monitors it shows, a link to it as the world sees it, edit and delete. */
@Component({
  selector: 'app-status-page-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, RouterLink],
  templateUrl: './status-page-list.html',
  styleUrl: './status-page-list.scss',
})
export class StatusPageList {
  protected readonly store = inject(StatusPageStore);
  private readonly dialog = inject(MatDialog);
  protected readonly columns = ['title', 'slug', 'monitors', 'public', 'actions'];
  protected readonly trackById = (_index: number, page: StatusPage): string => page.id;
  /** Why the last delete failed, shown above the list until the next try. */
  protected readonly deleteError = signal<string | null>(null);
  /** Ids with a delete under way, so the button cannot fire twice. */
  protected readonly deleting = signal<ReadonlySet<string>>(new Set());

  constructor() {
    void this.store.load();
  }

  protected monitorCount(page: StatusPage): number {
    return page.groups.reduce((count, group) => count + group.monitorIds.length, 0);
  }

  protected async confirmDelete(page: StatusPage): Promise<void> {
    const data: ConfirmDialogData = {
      title: 'Delete status page?',
      message: `"${page.title}" will no longer be served at /status/${page.slug}. The monitors and their incidents stay. This cannot be undone.`,
      confirmLabel: 'Delete',
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.deleteError.set(null);
    this.deleting.update((ids) => new Set(ids).add(page.id));
    try {
      await this.store.delete(page.id);
    } catch (error) {
      this.deleteError.set(`Could not delete "${page.title}": ${messageOf(error)}`);
    } finally {
      this.deleting.update((ids) => new Set([...ids].filter((id) => id !== page.id)));
    }
  }
}
