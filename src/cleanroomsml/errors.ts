import { ServiceException, type ServiceExceptionOptions } from '@smithy/core/client'
import type { ResponseMetadata } from './models.js'

type ExceptionOptions = { message?: string; $metadata: ResponseMetadata }

/** Base of every error the Clean Rooms ML service answers with, as in the official client. */
export class CleanRoomsMLServiceException extends ServiceException {
  constructor(options: ServiceExceptionOptions) {
    super(options)
    Object.setPrototypeOf(this, CleanRoomsMLServiceException.prototype)
  }
}

function clientError(name: string, options: ExceptionOptions): ServiceExceptionOptions {
  return { name, $fault: 'client', ...options }
}

export class AccessDeniedException extends CleanRoomsMLServiceException {
  override readonly name = 'AccessDeniedException'
  constructor(options: ExceptionOptions) {
    super(clientError('AccessDeniedException', options))
    Object.setPrototypeOf(this, AccessDeniedException.prototype)
  }
}

export class ConflictException extends CleanRoomsMLServiceException {
  override readonly name = 'ConflictException'
  constructor(options: ExceptionOptions) {
    super(clientError('ConflictException', options))
    Object.setPrototypeOf(this, ConflictException.prototype)
  }
}

export class ResourceNotFoundException extends CleanRoomsMLServiceException {
  override readonly name = 'ResourceNotFoundException'
  constructor(options: ExceptionOptions) {
    super(clientError('ResourceNotFoundException', options))
    Object.setPrototypeOf(this, ResourceNotFoundException.prototype)
  }
}

export class ServiceQuotaExceededException extends CleanRoomsMLServiceException {
  override readonly name = 'ServiceQuotaExceededException'
  readonly quotaName: string | undefined
  readonly quotaValue: number | undefined
  constructor(options: ExceptionOptions & { quotaName?: string; quotaValue?: number }) {
    super(clientError('ServiceQuotaExceededException', options))
    Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype)
    this.quotaName = options.quotaName
    this.quotaValue = options.quotaValue
  }
}

export class ThrottlingException extends CleanRoomsMLServiceException {
  override readonly name = 'ThrottlingException'
  constructor(options: ExceptionOptions) {
    super(clientError('ThrottlingException', options))
    Object.setPrototypeOf(this, ThrottlingException.prototype)
  }
}

export class ValidationException extends CleanRoomsMLServiceException {
  override readonly name = 'ValidationException'
  constructor(options: ExceptionOptions) {
    super(clientError('ValidationException', options))
    Object.setPrototypeOf(this, ValidationException.prototype)
  }
}
