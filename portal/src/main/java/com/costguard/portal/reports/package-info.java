/**
 * Exports of attribution, spot savings and client costs (SPEC §4): CSV through Apache Commons CSV
 * (RFC 4180, UTF-8, spreadsheet-safe cells) and PDF through iText (A4 or Letter, a title page,
 * tables whose headers repeat on each page, page numbers, charts drawn on iText's canvas). Each
 * export renders a report the application service computed: it never computes a figure itself.
 */
package com.costguard.portal.reports;
