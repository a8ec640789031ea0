// The operations the action uses, as the official client names and types them: a Command class per
// operation, with its `...CommandInput` and `...CommandOutput` (the response and `$metadata`).
import { Command } from '@smithy/core/client'
import type { HttpRequest } from '@smithy/core/protocols'
import {
  SMITHY_CONTEXT_KEY,
  type FinalizeHandlerArguments,
  type Handler,
  type HandlerExecutionContext,
  type HttpHandlerOptions,
  type HttpResponse,
  type MetadataBearer,
  type MiddlewareStack
} from '@smithy/types'
import type { CleanRoomsMLClientResolvedConfig } from './client.js'
import type {
  DeleteAudienceGenerationJobRequest,
  GetAudienceGenerationJobRequest,
  GetAudienceGenerationJobResponse,
  ListAudienceGenerationJobsRequest,
  ListAudienceGenerationJobsResponse,
  StartAudienceGenerationJobRequest,
  StartAudienceGenerationJobResponse
} from './models.js'
import { OPERATIONS, type OperationBinding } from './operations.js'
import { metadataOf, parseSuccess, parseTimestamps, pathLabel, toHttpRequest, type HttpOperation } from './protocol.js'

type OperationName = keyof typeof OPERATIONS

/** The HTTP request of an operation, from its restJson1 binding in the model. */
function serialize(binding: OperationBinding, input: object): HttpOperation {
  const values = input as Record<string, unknown>
  const path = binding.uri.replace(/\{(\w+)\}/g, (_, label: string) => pathLabel(String(values[label] ?? '')))
  const query: Record<string, string> = {}
  for (const member of binding.query) {
    if (values[member] !== undefined) query[member] = String(values[member])
  }
  const body = Object.fromEntries(
    binding.body.filter((member) => member in values).map((member) => [member, values[member]])
  )
  return { method: binding.method, path, query, ...(binding.body.length > 0 ? { body } : {}) }
}

/** A restJson1 answer's members, its timestamps as `Date`s, as the SDK deserializes them. */
function deserialize(binding: OperationBinding, data: Record<string, unknown>): Record<string, unknown> {
  const parsed = parseTimestamps(data, binding.timestamps)
  for (const [member, timestamps] of Object.entries(binding.listTimestamps)) {
    const list = parsed[member]
    if (!Array.isArray(list)) continue
    parsed[member] = list.map((item: unknown) =>
      typeof item === 'object' && item !== null ? parseTimestamps(item as Record<string, unknown>, timestamps) : item
    )
  }
  return parsed
}

/**
 * Base of every operation: serializes the input as restJson1 against the endpoint, runs the
 * client's middleware (retries, signing, and whatever a caller added), sends through the request
 * handler with the call's abortSignal, and deserializes the answer.
 */
abstract class CleanRoomsMLCommand<Input extends object, Output extends MetadataBearer> extends Command<
  Input,
  Output,
  CleanRoomsMLClientResolvedConfig
> {
  protected abstract readonly operation: OperationName

  constructor(readonly input: Input) {
    super()
  }

  resolveMiddleware(
    clientStack: MiddlewareStack<object, MetadataBearer>,
    config: CleanRoomsMLClientResolvedConfig,
    options?: HttpHandlerOptions
  ): Handler<Input, Output> {
    const binding: OperationBinding = OPERATIONS[this.operation]
    const stack = clientStack.concat(this.middlewareStack as unknown as MiddlewareStack<object, MetadataBearer>)
    stack.add(
      (next) => async (args) => {
        const endpoint = await config.endpoint()
        return next({ ...args, request: toHttpRequest(endpoint.url, serialize(binding, args.input)) })
      },
      { step: 'serialize', name: 'serializerMiddleware' }
    )
    stack.add(
      (next) => async (args) => {
        const { response } = await next(args)
        const data = deserialize(binding, await parseSuccess(response as HttpResponse))
        return { response, output: { ...data, $metadata: metadataOf(response as HttpResponse) } }
      },
      { step: 'deserialize', name: 'deserializerMiddleware' }
    )
    const context: HandlerExecutionContext = {
      clientName: 'CleanRoomsMLClient',
      commandName: `${this.operation}Command`,
      ...(config.logger ? { logger: config.logger } : {}),
      [SMITHY_CONTEXT_KEY]: {
        commandInstance: this,
        ...(options?.abortSignal ? { abortSignal: options.abortSignal } : {})
      }
    }
    const send = (args: FinalizeHandlerArguments<object>) =>
      config.requestHandler.handle(args.request as HttpRequest, options ?? {})
    return stack.resolve(send as never, context) as unknown as Handler<Input, Output>
  }
}

export type StartAudienceGenerationJobCommandInput = StartAudienceGenerationJobRequest
export interface StartAudienceGenerationJobCommandOutput extends StartAudienceGenerationJobResponse, MetadataBearer {}

export class StartAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  StartAudienceGenerationJobCommandInput,
  StartAudienceGenerationJobCommandOutput
> {
  protected readonly operation = 'StartAudienceGenerationJob'
}

export type GetAudienceGenerationJobCommandInput = GetAudienceGenerationJobRequest
export interface GetAudienceGenerationJobCommandOutput extends GetAudienceGenerationJobResponse, MetadataBearer {}

export class GetAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  GetAudienceGenerationJobCommandInput,
  GetAudienceGenerationJobCommandOutput
> {
  protected readonly operation = 'GetAudienceGenerationJob'
}

export type ListAudienceGenerationJobsCommandInput = ListAudienceGenerationJobsRequest
export interface ListAudienceGenerationJobsCommandOutput extends ListAudienceGenerationJobsResponse, MetadataBearer {}

export class ListAudienceGenerationJobsCommand extends CleanRoomsMLCommand<
  ListAudienceGenerationJobsCommandInput,
  ListAudienceGenerationJobsCommandOutput
> {
  protected readonly operation = 'ListAudienceGenerationJobs'
}

export type DeleteAudienceGenerationJobCommandInput = DeleteAudienceGenerationJobRequest
/** The operation has no output members: only `$metadata`. */
export type DeleteAudienceGenerationJobCommandOutput = MetadataBearer

export class DeleteAudienceGenerationJobCommand extends CleanRoomsMLCommand<
  DeleteAudienceGenerationJobCommandInput,
  DeleteAudienceGenerationJobCommandOutput
> {
  protected readonly operation = 'DeleteAudienceGenerationJob'
}
