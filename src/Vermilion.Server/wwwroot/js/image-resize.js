// Shrinks an image so its longer side is at most `max` pixels, re-encoding as JPEG (WebP/PNG keep their type).
// Re-encoding through a canvas also drops the photo's metadata before it leaves the device.
export async function resizeImage(file, max) {
  if (!/^image\/(png|jpeg|webp)$/.test(file.type)) return file;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file; // not decodable here: let the server give its clear error
  }
  const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size < 1024 * 1024) return file;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const type = file.type === "image/png" ? "image/png" : file.type === "image/webp" ? "image/webp" : "image/jpeg";
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, type, 0.86));
  if (!blob || blob.size >= file.size) return file;
  const name = file.name.replace(/\.[^.]+$/, "") + (type === "image/png" ? ".png" : type === "image/webp" ? ".webp" : ".jpg");
  return new File([blob], name, { type });
}
