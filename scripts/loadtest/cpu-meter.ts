/** A process's CPU time over wall time since the last reset (100 = one core busy), for the load test's children. */
export function createCpuMeter(): { percent(reset: boolean): number } {
  let since = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
  return {
    percent(reset) {
      const cpu = process.cpuUsage(since.cpu);
      const wallUs = Number(process.hrtime.bigint() - since.at) / 1000;
      if (reset) since = { cpu: process.cpuUsage(), at: process.hrtime.bigint() };
      return wallUs > 0 ? ((cpu.user + cpu.system) / wallUs) * 100 : 0;
    },
  };
}
