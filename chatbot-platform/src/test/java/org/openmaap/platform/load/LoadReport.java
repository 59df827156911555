package org.openmaap.platform.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The figures of a run: counts, round trips a second, and latency percentiles in ms. */
record LoadReport(
    String mode,
    int devices,
    int rate,
    int window,
    double seconds,
    long sent,
    long completed,
    long failed,
    long timeouts,
    long errorFrames,
    long disconnects,
    long late,
    double roundTripsPerSecond,
    double p50,
    double p95,
    double p99,
    double max,
    String platform,
    CpuMeter.Usage cpu) {

  static LoadReport of(LoadSettings settings, Tally tally, Histogram latencies, long windowNanos,
      String platform, CpuMeter.Usage cpu) {
    double seconds = windowNanos / 1e9;
    return new LoadReport(settings.max() ? "max" : "open", settings.devices(), settings.rate(),
        settings.window(), seconds, tally.sent.get(), tally.completed.sum(), tally.failed.sum(),
        tally.timeouts.sum(), tally.errorFrames.sum(), tally.disconnects.sum(),
        tally.lateReplies.sum(), tally.completedInWindow.sum() / seconds,
        millis(latencies, 50), millis(latencies, 95), millis(latencies, 99),
        latencies.getTotalCount() == 0 ? 0 : latencies.getMaxValue() / 1000.0, platform, cpu);
  }

  private static double millis(Histogram latencies, double percentile) {
    return latencies.getTotalCount() == 0 ? 0
        : latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Whether enough of what was sent came back for the figures to mean something. */
  boolean acceptable(double minCompletion) {
    return sent > 0 && completed >= Math.ceil(minCompletion * sent) && disconnects == 0;
  }

  String text() {
    String load = mode.equals("max")
        ? "closed loop, " + window + " outstanding per device"
        : "open loop, " + rate + " messages/s";
    return String.format(Locale.ROOT, """
        OpenMaaP load: %d devices, %s, %.1f s measured, platform %s
          sent        %d
          completed   %d
          errors      %d (error frames: %d, disconnects: %d)
          timeouts    %d (replies after the timeout, any phase: %d)
          round trips %.0f /s
          latency ms  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f
          cpu cores   %s
        """, devices, load, seconds, platform, sent, completed, failed, errorFrames, disconnects,
        timeouts, late, roundTripsPerSecond, p50, p95, p99, max, cpuText());
  }

  /** The platform's CPU time per round trip in the window, in microseconds; -1 when unknown. */
  double platformMicrosPerRoundTrip() {
    return cpu.platformCores() < 0 || roundTripsPerSecond <= 0 ? -1
        : cpu.platformCores() * 1e6 / roundTripsPerSecond;
  }

  private String cpuText() {
    if (cpu.cores() == 0) {
      return "unknown";
    }
    StringBuilder text = new StringBuilder();
    if (cpu.platformCores() >= 0) {
      text.append(String.format(Locale.ROOT, "platform %.2f (%.0f µs a round trip), ",
          cpu.platformCores(), platformMicrosPerRoundTrip()));
    }
    text.append(String.format(Locale.ROOT, "load tool %.2f", cpu.toolCores()));
    if (cpu.otherCores() >= 0) {
      text.append(String.format(Locale.ROOT, ", other processes %.2f", cpu.otherCores()));
    }
    if (cpu.machineCores() >= 0) {
      text.append(String.format(Locale.ROOT, "; machine busy %.2f of %d", cpu.machineCores(),
          cpu.cores()));
    }
    return text.toString();
  }

  JsonObject json() {
    return new JsonObject()
        .put("tool", "openmaap-load")
        .put("mode", mode)
        .put("devices", devices)
        .put("rate", mode.equals("max") ? null : rate)
        .put("window", mode.equals("max") ? window : null)
        .put("seconds", round(seconds))
        .put("sent", sent)
        .put("completed", completed)
        .put("errors", failed)
        .put("errorFrames", errorFrames)
        .put("disconnects", disconnects)
        .put("timeouts", timeouts)
        .put("lateReplies", late)
        .put("roundTripsPerSecond", round(roundTripsPerSecond))
        .put("latencyMs", new JsonObject().put("p50", round(p50)).put("p95", round(p95))
            .put("p99", round(p99)).put("max", round(max)))
        .put("platform", platform)
        .put("cpuCores", cpu.cores() == 0 ? null : new JsonObject()
            .put("platform", cpu.platformCores() < 0 ? null : round(cpu.platformCores()))
            .put("loadTool", round(cpu.toolCores()))
            .put("otherProcesses", cpu.otherCores() < 0 ? null : round(cpu.otherCores()))
            .put("machine", cpu.machineCores() < 0 ? null : round(cpu.machineCores()))
            .put("of", cpu.cores()))
        .put("platformCpuMicrosPerRoundTrip", platformMicrosPerRoundTrip() < 0 ? null
            : Math.round(platformMicrosPerRoundTrip()));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
