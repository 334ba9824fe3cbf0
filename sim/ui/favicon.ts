// The simulator's tab icon: a white X on a dark disc, drawn here as a 32x32 ICO so the
// simulator needs no binary asset and browsers stop asking for a missing /favicon.ico.

const SIZE = 32;

function pixel(x: number, y: number): [number, number, number, number] {
  const dx = x + 0.5 - SIZE / 2;
  const dy = y + 0.5 - SIZE / 2;
  if (Math.hypot(dx, dy) > SIZE / 2 - 0.5) return [0, 0, 0, 0];
  const onCross = Math.abs(dx) < 8 && (Math.abs(dx - dy) < 2.2 || Math.abs(dx + dy) < 2.2);
  return onCross ? [255, 255, 255, 255] : [0x0f, 0x14, 0x19, 255];
}

/** An ICO file holding one 32-bit BMP image (header, directory entry, DIB, pixels, mask). */
export function drawFavicon(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row++) {
    const y = SIZE - 1 - row; // BMP rows run bottom-up
    for (let x = 0; x < SIZE; x++) {
      const [r, g, b, a] = pixel(x, y);
      pixels.set([b, g, r, a], (row * SIZE + x) * 4);
    }
  }
  const mask = Buffer.alloc((SIZE / 8) * SIZE); // all visible; alpha does the shaping
  const dib = Buffer.alloc(40);
  dib.writeUInt32LE(40, 0);
  dib.writeInt32LE(SIZE, 4);
  dib.writeInt32LE(SIZE * 2, 8); // ICO images count the mask in the height
  dib.writeUInt16LE(1, 12);
  dib.writeUInt16LE(32, 14);
  dib.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([dib, pixels, mask]);

  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}
