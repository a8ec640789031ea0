// The modelled exceptions of the operations this client has, as the official client declares them:
// classes under CleanRoomsMLServiceException with `name`, `$fault` and `$metadata`.
import { ServiceException, type ExceptionOptionType, type ServiceExceptionOptions } from '@smithy/core/client'

/** Base of every error the Clean Rooms ML service answers with. */
export class CleanRoomsMLServiceException extends ServiceException {
  constructor(options: ServiceExceptionOptions) {
    super(options)
    Object.setPrototypeOf(this, CleanRoomsMLServiceException.prototype)
  }
}

type Options<T extends Error> = ExceptionOptionType<T, CleanRoomsMLServiceException>

export class AccessDeniedException extends CleanRoomsMLServiceException {
  override readonly name = 'AccessDeniedException' as const
  override readonly $fault = 'client' as const
  constructor(options: Options<AccessDeniedException>) {
    super({ name: 'AccessDeniedException', $fault: 'client', ...options })
    Object.setPrototypeOf(this, AccessDeniedException.prototype)
  }
}

export class ConflictException extends CleanRoomsMLServiceException {
  override readonly name = 'ConflictException' as const
  override readonly $fault = 'client' as const
  constructor(options: Options<ConflictException>) {
    super({ name: 'ConflictException', $fault: 'client', ...options })
    Object.setPrototypeOf(this, ConflictException.prototype)
  }
}

export class ResourceNotFoundException extends CleanRoomsMLServiceException {
  override readonly name = 'ResourceNotFoundException' as const
  override readonly $fault = 'client' as const
  constructor(options: Options<ResourceNotFoundException>) {
    super({ name: 'ResourceNotFoundException', $fault: 'client', ...options })
    Object.setPrototypeOf(this, ResourceNotFoundException.prototype)
  }
}

export class ServiceQuotaExceededException extends CleanRoomsMLServiceException {
  override readonly name = 'ServiceQuotaExceededException' as const
  override readonly $fault = 'client' as const
  /** The name of the service quota that was exceeded. */
  quotaName?: string | undefined
  /** The current value of that quota. */
  quotaValue?: number | undefined
  constructor(options: Options<ServiceQuotaExceededException>) {
    super({ name: 'ServiceQuotaExceededException', $fault: 'client', ...options })
    Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype)
    this.quotaName = options.quotaName
    this.quotaValue = options.quotaValue
  }
}

export class ThrottlingException extends CleanRoomsMLServiceException {
  override readonly name = 'ThrottlingException' as const
  override readonly $fault = 'client' as const
  constructor(options: Options<ThrottlingException>) {
    super({ name: 'ThrottlingException', $fault: 'client', ...options })
    Object.setPrototypeOf(this, ThrottlingException.prototype)
  }
}

export class ValidationException extends CleanRoomsMLServiceException {
  override readonly name = 'ValidationException' as const
  override readonly $fault = 'client' as const
  constructor(options: Options<ValidationException>) {
    super({ name: 'ValidationException', $fault: 'client', ...options })
    Object.setPrototypeOf(this, ValidationException.prototype)
  }
}
