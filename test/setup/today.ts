// Every test file judges release dates against one fixed day, so a status such as "end of life in 3 days"
// does not change under the suite as the calendar moves. Child processes inherit AZLINUX_TODAY.
import { setToday } from '../../src/core/clock.js';

export const TEST_TODAY = '2026-12-06';
process.env.AZLINUX_TODAY ??= TEST_TODAY;
setToday(process.env.AZLINUX_TODAY);
