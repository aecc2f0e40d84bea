import { useEffect } from 'react';
import { useParams } from 'react-router';
import { usePageTitle } from '../../components/PageTitle';
import { SessionView } from './SessionView';
import { useStudy } from './store';

/** Spaced-repetition study across the packs: due reviews first, then new questions. */
export function StudyPage() {
  usePageTitle('Study');
  const open = useStudy((state) => state.open);
  useEffect(() => void open({ mode: 'study' }), [open]);
  return <SessionView title="Study session" />;
}

/** Every question of one pack, in order. Answers count towards the schedule like any other. */
export function PracticePage() {
  const { packId = '' } = useParams();
  const title = useStudy((state) => state.packs.get(packId)?.title) ?? 'Practice';
  usePageTitle(`Practise: ${title}`);
  const open = useStudy((state) => state.open);
  useEffect(() => void open({ mode: 'practice', packId }), [open, packId]);
  return <SessionView title={title} />;
}
