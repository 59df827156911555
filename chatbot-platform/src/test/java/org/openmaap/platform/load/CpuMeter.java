package org.openmaap.platform.load;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the machine's CPU went during the measured window: the platform's process (when the tool
 * started it), the tool's own, and everything else, so a figure taken on a busy machine says so.
 */
final class CpuMeter {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  private final Optional<ProcessHandle> platform;
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  CpuMeter(Optional<ProcessHandle> platform) {
    this.platform = platform;
  }

  /** CPU times at one instant; -1 where this system does not tell. */
  record Sample(long wallNanos, long platformNanos, long toolNanos, long machineBusyTicks,
      long machineTicks) {}

  /** CPU used between two samples, in cores (1.0 = one core busy the whole time). */
  record Usage(double platformCores, double toolCores, double machineCores, int cores) {

    static final Usage UNKNOWN = new Usage(-1, -1, -1, 0);

    double otherCores() {
      return platformCores < 0 || machineCores < 0 ? -1
          : Math.max(0, machineCores - platformCores - toolCores);
    }
  }

  Sample sample() {
    long platformNanos = platform.flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos).orElse(-1L);
    long busy = -1;
    long total = -1;
    try {
      // cpu user nice system idle iowait irq softirq steal ...
      String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      total = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        total += Long.parseLong(fields[i]);
      }
      busy = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
    } catch (IOException | RuntimeException notLinux) {
      // Leave the machine's share unknown.
    }
    return new Sample(System.nanoTime(), platformNanos, os.getProcessCpuTime(), busy, total);
  }

  static Usage between(Sample from, Sample to) {
    if (from == null || to == null) {
      return Usage.UNKNOWN;
    }
    double wall = to.wallNanos() - from.wallNanos();
    int cores = Runtime.getRuntime().availableProcessors();
    double platform = from.platformNanos() < 0 || to.platformNanos() < 0 ? -1
        : (to.platformNanos() - from.platformNanos()) / wall;
    double tool = (to.toolNanos() - from.toolNanos()) / wall;
    double machine = from.machineTicks() < 0 || to.machineTicks() <= from.machineTicks() ? -1
        : cores * (double) (to.machineBusyTicks() - from.machineBusyTicks())
            / (to.machineTicks() - from.machineTicks());
    return new Usage(platform, tool, machine, cores);
  }
}
