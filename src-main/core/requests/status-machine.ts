// The extract request's life: forward only. Refusal and cancellation end it; going back is a separate, privileged
// reopen that raises the epoch, so that (epoch, rank) never decreases when desks converge.
import type { RefusalReason, RequestStatus } from '../../contract/schemas'

export const statusRank: Record<RequestStatus, number> = {
  accepted: 1,
  processing: 2,
  approved: 3,
  ready: 4,
  issued: 5,
  refused: 5,
  cancelled: 5
}

const forward: Record<RequestStatus, readonly RequestStatus[]> = {
  accepted: ['processing', 'refused', 'cancelled'],
  processing: ['approved', 'refused', 'cancelled'],
  approved: ['ready', 'refused', 'cancelled'],
  ready: ['issued', 'cancelled'],
  issued: [],
  refused: [],
  cancelled: []
}

export const statusNames: Record<RequestStatus, string> = {
  accepted: 'Принято',
  processing: 'В обработке',
  approved: 'Одобрено',
  ready: 'Готово к выдаче',
  issued: 'Выдано',
  refused: 'Отказано',
  cancelled: 'Отменено'
}

export const refusalReasonNames: Record<RefusalReason, string> = {
  incomplete_data: 'Неполные данные',
  no_consent: 'Нет согласия',
  inactive_policy: 'Полис ОМС неактивен',
  no_authority: 'Нет полномочий',
  no_records: 'Нет записей за период',
  technical: 'Технические причины'
}

export function allowedNext(from: RequestStatus): readonly RequestStatus[] {
  return forward[from]
}

export function isFinal(status: RequestStatus): boolean {
  return forward[status].length === 0
}

export type TransitionCheck = { ok: true } | { ok: false; message: string }

export function checkTransition(
  from: RequestStatus,
  to: RequestStatus,
  reason?: RefusalReason
): TransitionCheck {
  if (!forward[from].includes(to)) {
    return {
      ok: false,
      message: isFinal(from)
        ? `Заявление в статусе «${statusNames[from]}» закрыто: вернуть его может только старший регистратор`
        : `Из статуса «${statusNames[from]}» нельзя перейти в «${statusNames[to]}»`
    }
  }
  if (to === 'refused' && !reason) return { ok: false, message: 'Для отказа выберите причину' }
  if (to !== 'refused' && reason) return { ok: false, message: 'Причина указывается только при отказе' }
  return { ok: true }
}

/** Reopen goes strictly back, to a status of lower rank than the current one. */
export function checkReopen(from: RequestStatus, to: RequestStatus): TransitionCheck {
  if (statusRank[to] >= statusRank[from] || to === 'refused' || to === 'cancelled' || to === 'issued') {
    return { ok: false, message: `Вернуть из «${statusNames[from]}» в «${statusNames[to]}» нельзя` }
  }
  return { ok: true }
}

/** Of two states of the same request, the one that wins when desks converge. */
export function laterState(
  a: { epoch: number; status: RequestStatus },
  b: { epoch: number; status: RequestStatus }
): { epoch: number; status: RequestStatus } {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch ? a : b
  return statusRank[a.status] >= statusRank[b.status] ? a : b
}
