/**
 * A QR code of a guide's share link, as SVG, made by the `qrcode` library (error correction
 * M: a printed code still reads when a corner is scuffed). The same SVG goes into the
 * printable page, so a class can open the guide on a phone from the paper.
 */
import QRCode from "qrcode";

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#1d2733", light: "#ffffff" } });
}
