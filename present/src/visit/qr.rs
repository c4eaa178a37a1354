//! The QR code of the receipt's address, as an inline SVG.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use shuangsuiji::{Error, LimitCode};

/// A QR code drawn as SVG: one unit per module, a quiet zone of four modules, black on
/// white, sized by the page's CSS (the `<svg>` carries a `viewBox` only).
pub(super) struct QrSvg {
    /// The `<svg …>…</svg>` element, without an XML declaration (it goes inline).
    pub(super) svg: String,
    /// Modules on a side: 17 + 4 × the QR version.
    pub(super) modules: usize,
}

/// Draws `text` as a QR code with error correction level M (15 % of the code may be
/// damaged or dirty, as on a card handed across a counter).
///
/// # Errors
/// `field_too_long` (field `card.receipt_url`) if `text` does not fit in a QR code
/// (more than 2,331 bytes at level M).
pub(super) fn qr_svg(text: &str) -> Result<QrSvg, Error> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|e| {
        Error::new(
            LimitCode::FieldTooLong,
            format!("the receipt's address does not fit in a QR code ({e})"),
        )
        .with_field("card.receipt_url")
        .with_value(text)
    })?;
    let modules = code.width();
    let drawn = code
        .render::<svg::Color<'_>>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .build();
    // Inline: no XML declaration, and no fixed width/height (the CSS sizes it in mm).
    let start = drawn.find("<svg").unwrap_or(0);
    let side = modules + 8;
    let svg = drawn[start..].replacen(
        &format!(" width=\"{side}\" height=\"{side}\""),
        " role=\"img\" aria-label=\"QR\"",
        1,
    );
    Ok(QrSvg { svg, modules })
}
