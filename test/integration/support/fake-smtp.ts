import { createServer, type AddressInfo, type Server, type Socket } from "node:net";

export type FakeSmtp = {
  url: string;
  /** Every message accepted: its envelope recipient and raw content. */
  messages: { to: string; data: string }[];
  /** Refuse the next message with a temporary error, as a mail server under load does. */
  refuseNext(): void;
  close(): Promise<void>;
};

/** Just enough of an SMTP server (no TLS, no auth) for nodemailer to hand it messages. */
export async function startFakeSmtp(): Promise<FakeSmtp> {
  const messages: FakeSmtp["messages"] = [];
  let refuse = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = "";
    let data: string[] | null = null;
    let to = "";
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake-smtp ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== ".") data.push(line);
          else {
            messages.push({ to, data: data.join("\n") });
            data = null;
            reply("250 queued");
          }
        } else if (/^(EHLO|HELO)/i.test(line)) reply("250 fake-smtp");
        else if (/^MAIL FROM/i.test(line)) {
          if (refuse) {
            refuse = false;
            reply("451 try again later");
          } else reply("250 sender ok");
        } else if (/^RCPT TO/i.test(line)) {
          to = /<([^>]*)>/.exec(line)?.[1] ?? "";
          reply("250 recipient ok");
        } else if (/^DATA/i.test(line)) {
          data = [];
          reply("354 go ahead");
        } else if (/^QUIT/i.test(line)) {
          reply("221 bye");
          socket.end();
        } else reply("250 ok");
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    refuseNext: () => (refuse = true),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
