import { effect, signal, type Signal } from '@angular/core';
import type { Observable } from 'rxjs';

interface ValueSource<V> {
  getRawValue(): V;
  readonly valueChanges: Observable<unknown>;
}

/**
 * A form group's raw value as a signal, following whichever group the input holds: a template that branches
 * on a value (which body-check inputs, a TLS warning) must re-render under OnPush and zoneless. Call it in a
 * constructor or field initialiser.
 */
export function groupValue<V>(group: Signal<ValueSource<V>>, initial: V): Signal<V> {
  const value = signal(initial);
  effect((onCleanup) => {
    const source = group();
    value.set(source.getRawValue());
    const subscription = source.valueChanges.subscribe(() => value.set(source.getRawValue()));
    onCleanup(() => subscription.unsubscribe());
  });
  return value.asReadonly();
}
