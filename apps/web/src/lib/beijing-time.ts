/**
 * An instant (UTC milliseconds) as Beijing time, whatever the browser's time zone: the platform's records, deadlines
 * and letters are all in Asia/Shanghai (DESIGN), so a reviewer abroad sees the same times as the committee.
 */
export function beijingTime(ms: number, withSeconds = false): string {
  return new Date(ms)
    .toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false })
    .slice(0, withSeconds ? 19 : 16);
}
