
(function(){
function show(id,pin){
  var d=document.getElementById('d-'+id),c=document.getElementById(id);if(!d||!c)return;
  var box=d.parentNode,art=box.closest('article');
  box.querySelectorAll('.detail,.placeholder').forEach(function(x){x.hidden=x!==d;});
  art.querySelectorAll('.claim.active').forEach(function(x){x.classList.remove('active');});
  c.classList.add('active');
  if(pin){art.querySelectorAll('.claim.pinned').forEach(function(x){
    x.classList.remove('pinned');});c.classList.add('pinned');}
}
/* a grid cell opens the candidate's sentence beside it on hover or focus; a click pins it */
var open=null,pinned=null;
function place(td){
  if(open&&open!==td)open.classList.remove('open');
  open=td;td.classList.add('open');
  var p=td.querySelector('.says'),r=td.getBoundingClientRect(),h=p.offsetHeight;
  var y=r.bottom+h>innerHeight&&r.top>h?r.top-h:r.bottom;
  p.style.left=Math.max(4,Math.min(r.left,innerWidth-p.offsetWidth-8))+'px';
  p.style.top=y+'px';
}
function shut(){if(open)open.classList.remove('open');open=null;}
function leave(){if(pinned)place(pinned);else shut();}
function pin(td){
  var again=pinned===td;if(pinned)pinned.classList.remove('pinned');pinned=null;
  if(again){shut();return;}
  pinned=td;td.classList.add('pinned');place(td);
}
function grid(t){return t&&t.closest?t.closest('td.cell[tabindex]'):null;}
function key(td){
  var s=td.getAttribute('data-sort');if(s===null)s=td.textContent.trim();
  var n=Number(s);return s!==''&&!isNaN(n)?n:s;
}
function sort(th){
  var tb=th.closest('table').tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);
  var asc=th.getAttribute('aria-sort')!=='ascending';
  th.parentNode.querySelectorAll('th').forEach(function(x){x.removeAttribute('aria-sort');});
  th.setAttribute('aria-sort',asc?'ascending':'descending');
  var rows=Array.prototype.slice.call(tb.rows);
  rows.sort(function(a,b){
    var x=key(a.children[i]),y=key(b.children[i]),nx=typeof x==='number',ny=typeof y==='number';
    if(nx!==ny)return nx?-1:1;  /* text (NaN, blank) after numbers either way */
    var r=nx?x-y:String(x).localeCompare(String(y));return asc?r:-r;
  });
  rows.forEach(function(r){tb.appendChild(r);});
}
document.addEventListener('click',function(e){
  var t=e.target.closest('[data-claim]');if(t)show(t.getAttribute('data-claim'),true);
  var h=e.target.closest('th[data-sort]');if(h)sort(h);
  var g=grid(e.target);
  if(g&&!e.target.closest('a,.says'))pin(g);
  else if(!g&&pinned){pinned.classList.remove('pinned');pinned=null;shut();}
});
document.addEventListener('keydown',function(e){
  var t=e.target;if((e.key==='Enter'||e.key===' ')&&t.classList&&t.classList.contains('claim')){
    e.preventDefault();show(t.id,true);}
  if((e.key==='Enter'||e.key===' ')&&grid(t)===t){e.preventDefault();pin(t);}
  if(e.key==='Escape'&&open){if(pinned)pin(pinned);else shut();}
});
document.addEventListener('mouseover',function(e){
  var c=e.target.closest('.claim');if(c)show(c.id,false);
  var g=grid(e.target);if(g&&g!==open)place(g);
});
document.addEventListener('mouseout',function(e){
  var g=grid(e.target);if(g&&!g.contains(e.relatedTarget))leave();
  var p=e.target.closest('.text');if(!p||p.contains(e.relatedTarget))return;
  var k=p.querySelector('.claim.pinned');if(k)show(k.id,false);
});
document.addEventListener('focusin',function(e){var g=grid(e.target);if(g&&g!==open)place(g);});
addEventListener('scroll',function(){if(open)place(open);},true);
addEventListener('resize',function(){if(open)place(open);});
function follow(){  /* a link to a claim shows its evidence; one to a grid cell opens it */
  var id=location.hash.slice(1),el=id&&document.getElementById(id);if(!el)return;
  if(document.getElementById('d-'+id))show(id,true);
  else if(grid(el)===el&&pinned!==el)pin(el);
}
addEventListener('hashchange',follow);
var f=document.getElementById('filter');
if(f)f.addEventListener('input',function(){
  var q=f.value.toLowerCase();
  document.querySelectorAll('table.events tbody tr').forEach(function(r){
    r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});
});
follow();
})();
