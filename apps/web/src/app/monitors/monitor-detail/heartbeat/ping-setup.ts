import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { pingSnippets } from './ping-snippets';

/** Where the job pings, with a Copy button, a way to replace a leaked URL, and the lines to paste into the job. */
@Component({
  selector: 'app-ping-setup',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="url-row">
      @if (url(); as link) {
        <code class="url" data-testid="ping-url">{{ link }}</code>
        <button mat-stroked-button type="button" data-testid="copy-ping-url" (click)="copy(link, 'Ping URL copied')">Copy</button>
      } @else {
        <span class="muted">Loading the ping URL…</span>
      }
      <button mat-button type="button" data-testid="rotate-ping-key" [disabled]="!url() || rotating()" (click)="rotate.emit()">
        {{ rotating() ? 'Replacing…' : 'New ping URL' }}
      </button>
    </div>
    <p class="muted">
      GET, POST or HEAD. Append <code>/start</code> when a run begins, <code>/fail</code> or a non-zero
      <code>/&lt;exit status&gt;</code> when it fails, <code>/log</code> to only leave a note. A request body is kept in the log below.
    </p>
    @for (snippet of snippets(); track snippet.id) {
      <figure data-testid="ping-snippet" [attr.data-snippet]="snippet.id">
        <figcaption>
          <span>{{ snippet.label }}</span>
          <button mat-button type="button" (click)="copy(snippet.text, 'Copied')">Copy</button>
        </figcaption>
        <pre><code>{{ snippet.text }}</code></pre>
      </figure>
    }
  `,
  styles: `
    .url-row {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
    }
    .url {
      padding: 6px 10px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container);
      font-family: ui-monospace, monospace;
      word-break: break-all;
    }
    figure {
      margin: 12px 0 0;
    }
    figcaption {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    pre {
      margin: 4px 0 0;
      padding: 8px 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container);
      overflow-x: auto;
      font:
        13px / 1.4 ui-monospace,
        monospace;
    }
  `,
})
export class PingSetup {
  /** Null until monitors.get answers. */
  readonly url = input.required<string | null>();
  /** The heartbeat's cron expression, so the crontab lines match it; null for a period. */
  readonly cron = input.required<string | null>();
  readonly rotating = input(false);
  readonly rotate = output();

  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly snippets = computed(() => {
    const url = this.url();
    return url ? pingSnippets(url, this.cron()) : [];
  });

  protected copy(text: string, done: string): void {
    const copied = this.clipboard.copy(text);
    this.snackBar.open(copied ? done : 'Could not copy: select the text and copy it by hand', undefined, { duration: 2_000 });
  }
}
