import type { MonitorRow } from '../../db/schema';
import { heartbeatStateOf } from './heartbeat-kind';
import { applyEdit, type HeartbeatTimes } from './heartbeat-transitions';

/** A heartbeat row's times after an edit (pause, resume, a new schedule), as of now. */
export function heartbeatTimesAfterEdit(before: MonitorRow, after: MonitorRow, now = new Date()): HeartbeatTimes {
  return applyEdit(heartbeatStateOf(before), heartbeatStateOf(after), now);
}
