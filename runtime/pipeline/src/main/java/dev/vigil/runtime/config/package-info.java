/**
 * The deployment configuration: one YAML file (kebab-case keys) loaded into immutable records. Every
 * key is optional; defaults live in {@code vigil-defaults.yaml} and are documented in
 * {@code docs/config.md}. Values from a fixed set (wake rule, fusion mode, sensor names) are enums,
 * spelled in the file as {@link dev.vigil.runtime.config.ConfigNames} says. Unknown keys and bad values
 * are refused at start with the key, the value and the reason.
 */
package dev.vigil.runtime.config;
