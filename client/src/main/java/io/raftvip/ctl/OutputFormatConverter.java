package io.raftvip.ctl;

import io.raftvip.ctl.output.OutputFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code -o table|json}, case-insensitively. */
final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
  @Override
  public OutputFormat convert(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "table" -> OutputFormat.TABLE;
      case "json" -> OutputFormat.JSON;
      default -> throw new TypeConversionException("'" + value + "' is not an output format (expected table or json)");
    };
  }
}
