import { type PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import * as z from 'zod';
import type { Clock, InboundText, Messaging, OutboundText } from '../../ports.js';

/** End User Messaging keeps an undelivered text for at most 3 days, and for at least 5 seconds. */
const TIME_TO_LIVE = { min: 5, max: 3 * 24 * 60 * 60 };

/**
 * Texts through AWS End User Messaging SMS (`SendTextMessage`), from one origination identity (a phone number
 * or pool registered for two-way SMS, whose inbound texts go to an SNS topic: see {@link inboundTextOf}).
 * Transactional, so carriers deliver them promptly; a one-time code's text lives no longer than the code.
 */
export class EndUserMessagingSms implements Messaging {
  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly originationIdentity: string,
    private readonly clock: Clock,
  ) {}

  async sendText(text: OutboundText): Promise<void> {
    const ttl = text.discardAfter
      ? Math.floor((new Date(text.discardAfter).getTime() - this.clock.now().getTime()) / 1000)
      : undefined;
    // Already useless: sending it would only confuse (an expired code).
    if (ttl !== undefined && ttl < TIME_TO_LIVE.min) return;
    await this.client.send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: text.to,
        OriginationIdentity: this.originationIdentity,
        MessageBody: text.body,
        MessageType: 'TRANSACTIONAL',
        ...(ttl !== undefined ? { TimeToLive: Math.min(ttl, TIME_TO_LIVE.max) } : {}),
      }),
    );
  }
}

/**
 * What End User Messaging publishes to the two-way SNS topic for each inbound text (the SNS message is this
 * JSON): the sender, the number it was sent to, the text, and the message's id.
 */
const TwoWayMessage = z.object({
  originationNumber: z.string().regex(/^\+[1-9][0-9]{6,14}$/),
  destinationNumber: z.string(),
  messageBody: z.string().max(1600),
  inboundMessageId: z.string().min(1).max(200),
});

/** An inbound text from the SNS message End User Messaging published, checked like any input. */
export function inboundTextOf(snsMessage: string, receivedAt: string): InboundText {
  const message = TwoWayMessage.parse(JSON.parse(snsMessage));
  return {
    from: message.originationNumber,
    body: message.messageBody,
    messageId: message.inboundMessageId,
    receivedAt,
  };
}
